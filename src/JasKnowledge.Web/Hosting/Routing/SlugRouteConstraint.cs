namespace JasKnowledge.Web.Hosting.Routing;

/// <summary>{slug:slug}: lower-case letters, digits and single hyphens, as the content folder's file
/// names are; anything else is a 404 before any database work.</summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && IsSlug(value as string);

    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= 200 } && value[0] != '-' && value[^1] != '-' && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
