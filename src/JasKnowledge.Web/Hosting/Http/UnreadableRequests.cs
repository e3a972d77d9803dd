using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>Requests a page cannot read are refused before it runs, with the error page in the visitor's language (going back
/// in the browser brings a form back as it was):
/// <list type="bullet">
/// <item>a URL-encoded form past ASP.NET Core's limits (more than 1,024 fields, a name over 2 KB, a value over 4 MB): the page
/// ran as if its fields had not been sent, and the alerts form answered "fill in a valid e-mail address" to an address that was
/// there (413);</item>
/// <item>a body longer than its page takes (30 MB unless the page says otherwise): the form was read for the antiforgery check
/// first, and an XLIFF import of 31 MB answered "this request cannot be handled" instead of "too large" (413);</item>
/// <item>a query string of more than 4,096 values (414): pages bind their forms from the query string as well, and 1,030 rows of a
/// municipality's periods there answered 500, binding having stopped at its default of 1,024 items of a list. Binding now takes as
/// many items as the query string and a form may hold together (HostingSetup), and the comparison page still answers a link with
/// thousands of municipalities by naming a few.</item>
/// </list>
/// All three were found by the attacks of 6 December 2026.</summary>
public static class UnreadableRequests
{
    public const int MaxQueryValues = 4096;

    public static IApplicationBuilder UseUnreadableRequestsRefused(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // Not again for the error page it leads to: the body has been read.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        if (request.QueryString.HasValue && ValueCount(request.QueryString.Value!) > MaxQueryValues)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            return;
        }
        if (request.ContentLength is { } length && length > BodyLimit(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // Read once here; the page's binding takes the same form from the request afterwards.
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }
        await next();
    });

    /// <summary>What the endpoint takes ([RequestSizeLimit], [DisableRequestSizeLimit]) or else the server's limit.</summary>
    private static long BodyLimit(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpoint
            ? endpoint.MaxRequestBodySize ?? long.MaxValue
            : context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;

    /// <summary>Counted on the text, without parsing it into a dictionary first.</summary>
    private static int ValueCount(string query) => query.AsSpan().Count('&') + 1;
}
