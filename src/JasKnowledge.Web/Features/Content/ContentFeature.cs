using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Features.Content;

public static class ContentFeature
{
    /// <summary>What every content feature builds on: the URL registry and the {slug:slug} constraint.</summary>
    public static IServiceCollection AddContentFeature(this IServiceCollection services)
    {
        services.AddSingleton<ContentUrls>();
        services.Configure<RouteOptions>(options => options.ConstraintMap["slug"] = typeof(SlugRouteConstraint));
        return services;
    }
}
