using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Hosting.Routing;

public static class RoutingSetup
{
    /// <summary>What every content feature builds on: the {slug:slug} constraint.</summary>
    public static IServiceCollection AddRouteConstraints(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options => options.ConstraintMap["slug"] = typeof(SlugRouteConstraint));
        return services;
    }
}
