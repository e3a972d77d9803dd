using JasKnowledge.Core.Content;

namespace JasKnowledge.Web.Features.Content;

/// <summary>Where each type of content is shown. A feature that owns a content type registers its URL
/// rule here (services.AddContentUrl), so the API, the language switcher and the sitemap agree.</summary>
public sealed class ContentUrls(IEnumerable<ContentUrlRule> rules)
{
    private readonly Dictionary<string, Func<ContentItem, string>> _rules = rules.ToDictionary(r => r.Type, r => r.Url);

    /// <summary>The public path of the item, or null when its type has no page of its own.</summary>
    public string? For(ContentItem item) => _rules.TryGetValue(item.Type, out var url) ? url(item) : null;
}

public sealed record ContentUrlRule(string Type, Func<ContentItem, string> Url);

public static class ContentFeature
{
    /// <summary>What every content feature builds on: the URL registry and the {slug:slug} constraint.</summary>
    public static IServiceCollection AddContentFeature(this IServiceCollection services)
    {
        services.AddSingleton<ContentUrls>();
        services.Configure<RouteOptions>(options => options.ConstraintMap["slug"] = typeof(SlugRouteConstraint));
        return services;
    }

    public static IServiceCollection AddContentUrl(this IServiceCollection services, string type, Func<ContentItem, string> url) =>
        services.AddSingleton(new ContentUrlRule(type, url));
}
