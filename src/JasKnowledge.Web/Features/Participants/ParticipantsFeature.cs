using System.Text.RegularExpressions;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Sitemap;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace JasKnowledge.Web.Features.Participants;

/// <summary>The participants' side: a language-first entry page (/talen) and, per language, the list
/// of information sheets and videos (/{culture}/informatie).</summary>
public static partial class ParticipantsFeature
{
    public const string EntryUrl = "/talen";
    public static string IndexUrl(string culture) => $"/{culture}/informatie";

    /// <summary>Pages below a language prefix that participants reach from posters and links; with a
    /// wrong prefix they are sent to the entry page rather than a dead end.</summary>
    private static readonly string[] ParticipantAreas = ["informatie", "video"];

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
        // language, so the entry page is the helpful answer; anything else stays a 404.
        // The endpoints are complete only once the app runs: read their first segments on first use.
        HashSet<string>? reserved = null;
        Dictionary<string, string[]>? fixedPaths = null;
        List<AddressPattern>? patterns = null;
        endpoints.MapFallback("/{code}/{**rest}", (
            string code, string? rest, HttpContext context, CultureCatalog cultures, EndpointDataSource endpointSource) =>
        {
            reserved ??= FirstLiteralSegments(endpointSource);
            fixedPaths ??= MethodsOfFixedPaths(endpointSource);
            patterns ??= MethodsOfPatterns(endpointSource, context.RequestServices.GetRequiredService<ParameterPolicyFactory>());
            // An endpoint's own address asked with a method it does not take (POST /health/live, DELETE /api/v1/search,
            // DELETE /api/v1/municipalities/0546) comes here, because this route takes every method: 405 with what it does
            // take, as routing would answer. A method it does take came here for another address (GET /api/v1/search//):
            // that address is not found.
            var allowed = fixedPaths.GetValueOrDefault(context.Request.Path.Value!.TrimEnd('/'))
                ?? patterns.Where(p => p.Matches(context)).SelectMany(p => p.Methods)
                    .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
            if (allowed.Length > 0 && !allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers.Allow = string.Join(", ", allowed);
                return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
            }
            if (reserved.Contains(code) || cultures.Contains(code)) return Results.NotFound();
            var area = rest?.Split('/')[0];
            var looksLikeLanguage = LanguageCodeShape().IsMatch(code) || ParticipantAreas.Contains(area, StringComparer.OrdinalIgnoreCase);
            if (!looksLikeLanguage) return Results.NotFound();
            var query = code.Length <= 35 ? $"?onbekend={Uri.EscapeDataString(code)}" : "";
            return Results.Redirect(EntryUrl + query);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Addresses without parameters (/health/live, /api/v1/search) → the methods their endpoints take, HEAD with GET.</summary>
    private static Dictionary<string, string[]> MethodsOfFixedPaths(EndpointDataSource source) =>
        WithMethods(source).Where(e => e.RoutePattern.Parameters.Count == 0)
            .GroupBy(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content)),
                StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Methods(g), StringComparer.OrdinalIgnoreCase);

    /// <summary>An address with parameters (/api/v1/municipalities/{code}, /files/{culture:culture}/{slug:slug}/{version})
    /// with its constraints, and the methods its endpoint takes.</summary>
    private sealed record AddressPattern(TemplateMatcher Address, IReadOnlyList<(string Name, IRouteConstraint Constraint)> Constraints, string[] Methods)
    {
        public bool Matches(HttpContext context)
        {
            var values = new RouteValueDictionary();
            return Address.TryMatch(context.Request.Path, values)
                && Constraints.All(c => c.Constraint.Match(context, null, c.Name, values, RouteDirection.IncomingRequest));
        }
    }

    private static List<AddressPattern> MethodsOfPatterns(EndpointDataSource source, ParameterPolicyFactory policies) =>
        WithMethods(source).Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => new AddressPattern(
                new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)),
                e.RoutePattern.Parameters.SelectMany(p => p.ParameterPolicies.Select(reference => (p.Name, Policy: policies.Create(p, reference))))
                    .Where(c => c.Policy is IRouteConstraint).Select(c => (c.Name, (IRouteConstraint)c.Policy)).ToList(),
                Methods([e])))
            .ToList();

    private static IEnumerable<RouteEndpoint> WithMethods(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 });

    private static string[] Methods(IEnumerable<RouteEndpoint> endpoints)
    {
        var methods = endpoints.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (methods.Contains(HttpMethods.Get)) methods.Add(HttpMethods.Head);
        return methods.Order(StringComparer.Ordinal).ToArray();
    }

    private static HashSet<string> FirstLiteralSegments(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
            .Where(s => s is { IsSimple: true } && s.Parts[0] is RoutePatternLiteralPart)
            .Select(s => ((RoutePatternLiteralPart)s!.Parts[0]).Content)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
