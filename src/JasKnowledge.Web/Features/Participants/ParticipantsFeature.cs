using System.Text.RegularExpressions;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Sitemap;
using JasKnowledge.Web.Hosting.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace JasKnowledge.Web.Features.Participants;

/// <summary>The participants' side: a language-first entry page (/talen) and, per language, the list
/// of information sheets and videos (/{culture}/informatie).</summary>
public static partial class ParticipantsFeature
{
    public const string EntryUrl = "/talen";
    public static string IndexUrl(string culture) => $"/{culture}/informatie";
    /// <summary>The films' list on the participants' page, where "Alle films" is saved for offline use.</summary>
    public static string FilmsUrl(string culture) => IndexUrl(culture) + "#videos";

    /// <summary>Pages below a language prefix that participants reach from posters and links; with a
    /// wrong prefix they are sent to the entry page rather than a dead end.</summary>
    private static readonly string[] ParticipantAreas = ["informatie", "video", "gemeente"];

    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*\\z")]
    internal static partial Regex LanguageCodeShape();

    public static IServiceCollection AddParticipantsFeature(this IServiceCollection services)
    {
        services.AddScoped<ParticipantMaterials>();
        services.AddMenuItem("MenuInformation", "informatie", 5);
        // Sheets and films link back to the overview that lists them.
        services.AddContentListing("MenuInformation", IndexUrl, ParticipantMaterials.Types);
        services.AddSitemapPath("informatie");
        services.AddSitemapUrl(EntryUrl);
        return services;
    }

    public static IEndpointRouteBuilder MapParticipantsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/informatie", () => Results.Redirect(EntryUrl)).ExcludeFromDescription();
        // Last resort for a path whose first segment is not a language: when it looks like a language
        // code (/xx/..., /pt-BR/...) or leads to a participant page, the visitor meant to pick a
        // language, so the entry page is the helpful answer; anything else stays a 404. An endpoint's own address asked
        // with a method it does not take also comes here (this route takes every method): 405, from Hosting.
        // The endpoints are complete only once the app runs: read their first segments on first use.
        HashSet<string>? reserved = null;
        endpoints.MapFallback("/{code}/{**rest}", (
            string code, string? rest, HttpContext context, CultureCatalog cultures, EndpointDataSource endpointSource, EndpointMethods methods) =>
        {
            if (methods.NotAllowed(context) is { } notAllowed) return notAllowed;
            reserved ??= FirstLiteralSegments(endpointSource);
            if (reserved.Contains(code) || cultures.Contains(code)) return Results.NotFound();
            var area = rest?.Split('/')[0];
            var looksLikeLanguage = LanguageCodeShape().IsMatch(code) || ParticipantAreas.Contains(area, StringComparer.OrdinalIgnoreCase);
            if (!looksLikeLanguage) return Results.NotFound();
            var query = code.Length <= 35 ? $"?onbekend={Uri.EscapeDataString(code)}" : "";
            return Results.Redirect(EntryUrl + query);
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static HashSet<string> FirstLiteralSegments(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { IsSimple: true } && s.Parts[0] is RoutePatternLiteralPart)
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
