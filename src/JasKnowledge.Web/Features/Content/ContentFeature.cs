using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Features.Content;

public static class ContentFeature
{
    /// <summary>What every content feature builds on: the {slug:slug} constraint.</summary>
    public static IServiceCollection AddContentFeature(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(options => options.ConstraintMap["slug"] = typeof(SlugRouteConstraint));
        return services;
    }
}
