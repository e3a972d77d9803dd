namespace JasKnowledge.Web.Hosting.Http;

/// <summary>A URL-encoded form past ASP.NET Core's limits (more than 1,024 fields, a name over 2 KB, a value over 4 MB)
/// cannot be read, and a page then ran as if its fields had not been sent: the alerts form answered "fill in a valid
/// e-mail address" to an address that was there (the attack of 6 December 2026). Such a request is answered 413, with
/// the error page in the visitor's language; going back in the browser brings the form back as it was.</summary>
public static class UnreadableForms
{
    public static IApplicationBuilder UseUnreadableFormsRefused(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Not again for the error page it leads to: the body has been read.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // Read once here; the page's binding takes the same form from the request afterwards.
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }
        await next();
    });
}
