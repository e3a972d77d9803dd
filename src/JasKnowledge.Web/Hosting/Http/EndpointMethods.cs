using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// 405 with <c>Allow</c> for an endpoint's own address asked with a method it does not take (POST /health/live, DELETE
/// /api/v1/search, DELETE /api/v1/municipalities/0546), as routing answers when nothing else matches. The portal's catch-all
/// fallback (a wrong language prefix, <c>ParticipantsFeature</c>) takes every method, so routing sends such a request there;
/// the fallback asks this first. Pages get the same answer from <see cref="MethodNotAllowedFilter"/>. The endpoints are
/// complete only once the app runs, so they are read on first use.
/// </summary>
public sealed class EndpointMethods(EndpointDataSource source, ParameterPolicyFactory policies)
{
    private Dictionary<string, string[]>? _fixedPaths;
    private List<AddressPattern>? _patterns;

    /// <summary>The 405 answer, or null when the method is taken or the address is no endpoint's (a method that is taken came
    /// to the fallback for another address, GET /api/v1/search//: that address is not found).</summary>
    public IResult? NotAllowed(HttpContext context)
    {
        _fixedPaths ??= MethodsOfFixedPaths();
        _patterns ??= MethodsOfPatterns();
        var allowed = _fixedPaths.GetValueOrDefault(context.Request.Path.Value!.TrimEnd('/'))
            ?? _patterns.Where(p => p.Matches(context)).SelectMany(p => p.Methods)
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        if (allowed.Length == 0 || allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)) return null;
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    /// <summary>Addresses without parameters (/health/live, /api/v1/search) → the methods their endpoints take, HEAD with GET.</summary>
    private Dictionary<string, string[]> MethodsOfFixedPaths() =>
        WithMethods().Where(e => e.RoutePattern.Parameters.Count == 0)
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

    private List<AddressPattern> MethodsOfPatterns() =>
        WithMethods().Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => new AddressPattern(
                new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)),
                e.RoutePattern.Parameters.SelectMany(p => p.ParameterPolicies.Select(reference => (p.Name, Policy: policies.Create(p, reference))))
                    .Where(c => c.Policy is IRouteConstraint).Select(c => (c.Name, (IRouteConstraint)c.Policy)).ToList(),
                Methods([e])))
            .ToList();

    private IEnumerable<RouteEndpoint> WithMethods() =>
        source.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 });

    private static string[] Methods(IEnumerable<RouteEndpoint> endpoints)
    {
        var methods = endpoints.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (methods.Contains(HttpMethods.Get)) methods.Add(HttpMethods.Head);
        return methods.Order(StringComparer.Ordinal).ToArray();
    }
}
