using JasKnowledge.Core.Localization;

namespace JasKnowledge.Web.Hosting.Localization;

/// <summary>{culture:culture} matches only configured language codes, so an unknown prefix is a 404.</summary>
public sealed class CultureRouteConstraint(CultureCatalog catalog) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && catalog.Contains(value as string);
}
