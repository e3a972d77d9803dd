using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// Every text a page binds from a form (URL-encoded or multipart) or the query string arrives without NUL characters.
/// No text of the portal holds one, PostgreSQL refuses one in any string (a multipart sign-in form with a NUL in the
/// e-mail address answered 500), and SQLite would keep it. Dropping the character keeps the rest of what was typed.
/// The string binder underneath is ASP.NET Core's own, so where a value may come from ([FromRoute]) is unchanged.
/// </summary>
public sealed class TextWithoutNullCharacters : IModelBinderProvider
{
    /// <summary>Strings from values (query, form, route); a string from the body, a header or the services (greedy
    /// sources) keeps the binder made for it.</summary>
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource is not { IsGreedy: true }
            ? new Binder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class Binder(IModelBinder strings) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await strings.BindModelAsync(context);
            if (context.Result.IsModelSet && context.Result.Model is string text && text.Contains('\0'))
                context.Result = ModelBindingResult.Success(text.Replace("\0", "", StringComparison.Ordinal));
        }
    }
}

/// <summary>ASP.NET Core's reader of URL-encoded forms refuses a value holding "%00", and the page then answered a bare
/// 400 with what was typed gone. A small form's "%00" is dropped before anything reads it, as binding drops the NUL of a
/// multipart form (<see cref="TextWithoutNullCharacters"/>).</summary>
public static class FormsWithoutNullCharacters
{
    private const int MaxRewritten = 4 * 1024 * 1024;

    public static IApplicationBuilder UseFormsWithoutNullCharacters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is > 0 and <= MaxRewritten
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var body = new MemoryStream((int)request.ContentLength.Value);
            await request.Body.CopyToAsync(body, context.RequestAborted);
            // Looked for in the bytes: a form without it (nearly all) is not turned into a string.
            if (body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf("%00"u8) >= 0)
            {
                var text = System.Text.Encoding.Latin1.GetString(body.GetBuffer(), 0, (int)body.Length);
                var bytes = System.Text.Encoding.Latin1.GetBytes(text.Replace("%00", "", StringComparison.Ordinal));
                body = new MemoryStream(bytes);
                request.ContentLength = bytes.Length;
            }
            body.Position = 0;
            request.Body = body;
        }
        await next();
    });
}
