using JasKnowledge.Core.Content;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Data.Content;

/// <summary>Where each type of content is shown. A feature or module that owns a content type registers
/// its URL rule here (services.AddContentUrl), so the API, the search, the language switcher and the
/// sitemap agree.</summary>
public sealed class ContentUrls(IEnumerable<ContentUrlRule> rules)
{
    private readonly Dictionary<string, Func<ContentItem, string>> _rules = rules.ToDictionary(r => r.Type, r => r.Url);

    /// <summary>The public path of the item, or null when its type has no page of its own.</summary>
    public string? For(ContentItem item) => _rules.TryGetValue(item.Type, out var url) ? url(item) : null;
}

public sealed record ContentUrlRule(string Type, Func<ContentItem, string> Url);

public static class ContentUrlRegistration
{
    public static IServiceCollection AddContentUrl(this IServiceCollection services, string type, Func<ContentItem, string> url) =>
        services.AddSingleton(new ContentUrlRule(type, url));
}
