using System.Text.RegularExpressions;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>
/// Font files carry the start of their SHA-256 in their name (fonts-*.css refers to them so), so a
/// changed font is a new URL and browsers may keep each one for a year. The static-asset pipeline
/// only fingerprints what pages link to directly, not what CSS refers to, hence this header.
/// </summary>
public static partial class ImmutableFonts
{
    public const string Folder = "/_content/JasKnowledge.Theme/fonts/";

    [GeneratedRegex(@"\.[0-9a-f]{10}\.woff2$")]
    public static partial Regex HashedName();

    public static IApplicationBuilder UseImmutableFonts(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.StartsWith(Folder, StringComparison.Ordinal) && HashedName().IsMatch(path))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                    context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Task.CompletedTask;
            });
        }
        return next(context);
    });
}
