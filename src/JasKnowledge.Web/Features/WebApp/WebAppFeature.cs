using System.Text.Json;
using JasKnowledge.Core.Localization;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Participants;
using JasKnowledge.Web.Features.Sitemap;
using Microsoft.Extensions.Localization;

namespace JasKnowledge.Web.Features.WebApp;

/// <summary>
/// What browsers, phones and crawlers ask of every site: /robots.txt (pointing to the sitemap),
/// /favicon.ico, /apple-touch-icon.png and, per language, a web app manifest
/// (/{culture}/manifest.webmanifest) so a participant can put the portal on the home screen with its
/// name in their own language and script, opening at the material for participants. The icons are
/// the theme's (wwwroot/icons, drawn as SVG, rendered to PNG and ICO once and committed).
/// </summary>
public static class WebAppFeature
{
    public const string IconFolder = "/_content/JasKnowledge.Theme/icons";

    /// <summary>The brand colour of the header: the title bar of the installed app.</summary>
    public const string ThemeColor = "#154273";

    public static IEndpointRouteBuilder MapWebAppFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (HttpContext http) =>
        {
            var origin = PublicOrigin.Of(http);
            // The back office and preview links are no pages for search engines; the search page keeps
            // itself out of the index with its own noindex (a crawler must be able to read that).
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(
                $"User-agent: *\nDisallow: /beheer/\nDisallow: /voorbeeld/\n\nSitemap: {origin}{SitemapFeature.Url}\n", "text/plain; charset=utf-8");
        }).ExcludeFromDescription();

        endpoints.MapGet(
            "/favicon.ico", (HttpContext http, IWebHostEnvironment environment) => Icon(http, environment, "favicon.ico", "image/x-icon"))
            .ExcludeFromDescription();
        endpoints.MapGet(
            "/apple-touch-icon.png", (HttpContext http, IWebHostEnvironment environment)
            => Icon(http, environment, "apple-touch-icon.png", "image/png"))
            .ExcludeFromDescription();

        endpoints.MapGet(
            "/{culture:culture}/manifest.webmanifest", (string culture, HttpContext http, CultureCatalog cultures, IStringLocalizer<Ui> text) =>
        {
            var language = cultures.Find(culture)!;
            PortalCulture.Set(http, language);
            var manifest = new Dictionary<string, object>
            {
                ["id"] = ParticipantsFeature.IndexUrl(language.Code),
                ["name"] = $"{text["SiteName"].Value}: {text["MenuInformation"].Value}",
                ["short_name"] = text["AppShortName"].Value,
                ["description"] = text["ParticipantsIntro"].Value,
                ["lang"] = language.Code,
                ["dir"] = language.Direction,
                ["start_url"] = ParticipantsFeature.IndexUrl(language.Code),
                ["scope"] = "/",
                ["display"] = "standalone",
                ["background_color"] = "#ffffff",
                ["theme_color"] = ThemeColor,
                ["icons"] = new object[]
                {
                    new { src = $"{IconFolder}/icon.svg", sizes = "any", type = "image/svg+xml", purpose = "any" },
                    new { src = $"{IconFolder}/icon-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
                    new { src = $"{IconFolder}/icon-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
                    new { src = $"{IconFolder}/icon-maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
                },
            };
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(JsonSerializer.Serialize(manifest, JsonOptions), "application/manifest+json; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Names in Arabic, Ethiopic or Cyrillic script stay readable in the file, not \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    private static IResult Icon(HttpContext http, IWebHostEnvironment environment, string name, string contentType)
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"{IconFolder.TrimStart('/')}/{name}");
        if (!file.Exists) return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}
