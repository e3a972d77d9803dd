using JasKnowledge.Core.Content;

namespace JasKnowledge.Core.Modules;

/// <summary>Where an item of one type is shown; registered by the feature or module that owns the type.</summary>
public sealed record ContentUrlRule(string Type, Func<IContentAddress, string> Url);

/// <summary>Where each type of content is shown, so that the API, the search, the language switcher and
/// the sitemap agree.</summary>
public sealed class ContentUrls(IEnumerable<ContentUrlRule> rules)
{
    private readonly Dictionary<string, Func<IContentAddress, string>> _rules = rules.ToDictionary(r => r.Type, r => r.Url);

    /// <summary>The public path of the item, or null when its type has no page of its own.</summary>
    public string? For(IContentAddress item) => _rules.TryGetValue(item.Type, out var url) ? url(item) : null;
}
