using Microsoft.AspNetCore.Routing;
using JasKnowledge.Core.Localization;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Diagnostics;

namespace JasKnowledge.Web.Hosting.Localization;

/// <summary>Languages: the catalog from configuration (Jas:Cultures), the {culture:culture} route
/// constraint, the per-request culture taken from the URL prefix, and the redirect from "/".</summary>
public static class LocalizationSetup
{
    public const string PreferenceCookie = "jas-lang";

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CultureCatalog(
            sp.GetRequiredService<IConfiguration>().GetSection("Jas:Cultures").Get<List<CultureDefinition>>() ?? []));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RouteOptions>(options => options.ConstraintMap["culture"] = typeof(CultureRouteConstraint));
        // Razor escapes everything outside Basic Latin by default, which turns an Arabic or Tigrinya
        // page into numeric entities six times its size. UTF-8 pages may carry every script as is;
        // the characters that matter for HTML (< > & " ') are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Sets the request's culture from the first path segment (or the default), and remembers
    /// a visitor's language choice for their next visit to "/".</summary>
    public static IApplicationBuilder UseRouteCulture(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var catalog = context.RequestServices.GetRequiredService<CultureCatalog>();
        // An error page re-executed for a failed request speaks the language of the URL that failed.
        // Decoded paths, compared as strings: turned back into a PathString, a path holding "%00" (asked as %2500)
        // would be decoded a second time, to a null character, and throw.
        var requestPath = context.Request.Path.Value ?? "";
        var failedPath = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var reExecuted = failedPath is not null;
        var path = failedPath ?? requestPath;
        var segment = FirstSegment(path);
        var culture = catalog.Find(segment);
        if (culture is not null && segment != culture.Code && !reExecuted
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            // One address per page: /NL/handboek is found, but said once, as /nl/handboek, so that
            // links, caches and search engines do not count two pages.
            context.Response.Redirect("/" + culture.Code + Rest(context, requestPath, segment!) + context.Request.QueryString, permanent: true);
            return;
        }
        PortalCulture.Set(context, culture ?? catalog.Default);
        // Only a page the visitor reads is a choice of language: a Dutch film page loads the Arabic subtitles
        // (/ar/video/….vtt) and had made the next visit to / open in Arabic (the attack of 6 December 2026).
        // Set whatever the visitor's own cookie says: the output cache replays this answer to every visitor of the path, and
        // stored for a first visitor who had the cookie already, it gave nobody the cookie for an hour (attack of 7 December).
        if (culture is not null && !reExecuted && HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>()
                is Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor)
        {
            context.Response.Cookies.Append(PreferenceCookie, culture.Code, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true, // a functional preference, no tracking
            });
        }
        await next();
    });

    public static IEndpointRouteBuilder MapRootRedirect(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, CultureCatalog catalog) =>
        {
            context.Response.Headers.Vary = "Accept-Language, Cookie";
            return Results.Redirect("/" + PreferredCulture.Choose(context.Request, catalog).Code);
        }).ExcludeFromDescription()
            // HEAD is answered as GET (HeadRequests): a 405 for another method says so in Allow.
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return endpoints;
    }

    /// <summary>The path after the language segment as the client sent it (the request line's own bytes): encoding the
    /// decoded path again turned /NL/a%2Fb, whose %2F the server leaves encoded, into /nl/a%252Fb. A request line in
    /// absolute form (a proxy's) falls back to encoding the decoded path again.</summary>
    private static string Rest(HttpContext context, string decodedPath, string segment)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?');
        var rawPath = query < 0 ? raw : raw[..query];
        if (!rawPath.StartsWith('/')) return EncodedRest(decodedPath, segment);
        var end = rawPath.IndexOf('/', 1);
        return end < 0 ? "" : rawPath[end..];
    }

    /// <summary>The path after the language segment, each segment encoded again. Not PathString's
    /// encoding: it leaves a decoded "%00" as it is, which would decode once more, to a null character.</summary>
    private static string EncodedRest(string decodedPath, string segment) =>
        string.Join('/', decodedPath[(1 + segment.Length)..].Split('/').Select(Uri.EscapeDataString));

    internal static string? FirstSegment(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2) return null;
        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }
}
