namespace JasKnowledge.Core.Modules;

/// <summary>The overview page that lists the items of a type (the participants' index lists sheets and
/// films). Registered by the feature that owns the overview, so the page of an item links back to it
/// without knowing that feature.</summary>
public sealed record ContentListing(string Type, string LabelKey, Func<string, string> Url);

/// <summary>The overviews by the type of the items they list.</summary>
public sealed class ContentListings(IEnumerable<ContentListing> listings)
{
    private readonly Dictionary<string, ContentListing> _byType = listings.ToDictionary(l => l.Type);

    public ContentListing? For(string type) => _byType.GetValueOrDefault(type);

    /// <summary>Every type an overview lists, e.g. the participants' material.</summary>
    public IReadOnlyList<string> TypesListedBy(string labelKey) =>
        _byType.Values.Where(l => l.LabelKey == labelKey).Select(l => l.Type).ToList();
}
