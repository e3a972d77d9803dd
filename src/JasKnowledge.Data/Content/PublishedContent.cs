using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Content;

/// <summary>A published version as the public sees it, with the culture it is actually in (which
/// differs from the one asked for when a fallback was used).</summary>
public sealed record PublishedPage(ContentItem Item, ContentVersion Version, string RequestedCulture)
{
    public bool IsFallback => !string.Equals(Item.Culture, RequestedCulture, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What the public may read: published versions only, never drafts.</summary>
public sealed class PublishedContent(JasDbContext db, CultureCatalog cultures)
{
    /// <summary>The item of a localization set in the requested culture, or the first culture of its
    /// fallback chain that has it.</summary>
    public async Task<PublishedPage?> FindAsync(string localizationSet, string culture, CancellationToken cancellationToken = default)
    {
        var candidates = await PublishedQuery()
            .Where(x => x.Item.LocalizationSet == localizationSet)
            .ToListAsync(cancellationToken);
        return PickByChain(candidates, culture);
    }

    /// <summary>The item of a type with a slug, looked up in the requested culture first; when the slug
    /// is not found there, the same fallback chain applies.</summary>
    public async Task<PublishedPage?> FindBySlugAsync(string type, string slug, string culture, CancellationToken cancellationToken = default)
    {
        var chain = cultures.FallbackChain(culture).ToArray();
        var candidates = await PublishedQuery()
            .Where(x => x.Item.Type == type && x.Item.Slug == slug && chain.Contains(x.Item.Culture))
            .ToListAsync(cancellationToken);
        return PickByChain(candidates, culture);
    }

    /// <summary>Published items, optionally of one type and culture, in a stable order.</summary>
    public async Task<IReadOnlyList<(ContentItem Item, ContentVersion Version)>> ListAsync(
        string? type, string? culture, CancellationToken cancellationToken = default)
    {
        // No type or language holds a null character, and PostgreSQL would refuse the query (?type=%00 gave a 500).
        if (type?.Contains('\0') == true || culture?.Contains('\0') == true) return [];
        var query = PublishedQuery();
        if (!string.IsNullOrEmpty(type)) query = query.Where(x => x.Item.Type == type);
        if (!string.IsNullOrEmpty(culture)) query = query.Where(x => x.Item.Culture == culture);
        var rows = await query.OrderBy(x => x.Item.Type).ThenBy(x => x.Item.LocalizationSet).ThenBy(x => x.Item.Culture)
            .ToListAsync(cancellationToken);
        return rows.Select(x => (x.Item, x.Version)).ToList();
    }

    /// <summary>Every version of an item the public has been shown (the published one and those it
    /// replaced), oldest first; never drafts, nor versions that were withdrawn.</summary>
    public async Task<IReadOnlyList<ContentVersion>> PublishedHistoryAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && (v.State == VersionState.Published || v.State == VersionState.Superseded))
            .OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);

    /// <summary>The cultures in which each localization set is published.</summary>
    public async Task<ILookup<string,
        ContentItem>> TranslationsAsync(IEnumerable<string> localizationSets, CancellationToken cancellationToken = default)
    {
        var sets = localizationSets.Distinct().ToList();
        var items = await PublishedQuery().Where(x => sets.Contains(x.Item.LocalizationSet)).Select(x => x.Item).ToListAsync(cancellationToken);
        return items.ToLookup(i => i.LocalizationSet);
    }

    /// <summary>Per source item, the oldest version a translation may be made from and still be current
    /// (<see cref="TranslationFreshness.NeededFrom"/>): minor edits after it do not outdate translations.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> TranslationsNeededFromAsync(
        IEnumerable<Guid> sourceItemIds, CancellationToken cancellationToken = default)
    {
        var ids = sourceItemIds.Distinct().ToList();
        var majors = await db.ContentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ItemId) && v.State != VersionState.Draft && v.IsMajor)
            .GroupBy(v => v.ItemId)
            .Select(g => new { ItemId = g.Key, Number = g.Max(v => v.Number) })
            .ToListAsync(cancellationToken);
        return ids.ToDictionary(id => id, id => majors.FirstOrDefault(m => m.ItemId == id)?.Number ?? 0);
    }

    /// <summary>A version that was public once (published, superseded or withdrawn, never a draft), to
    /// compare the source text a translation was made from with today's.</summary>
    public Task<ContentVersion?> FormerVersionAsync(Guid itemId, int number, CancellationToken cancellationToken = default) =>
        db.ContentVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.ItemId == itemId && v.Number == number && v.State != VersionState.Draft, cancellationToken);

    private IQueryable<ItemWithVersion> PublishedQuery() =>
        from item in db.ContentItems.AsNoTracking()
        join version in db.ContentVersions.AsNoTracking() on item.Id equals version.ItemId
        where version.State == VersionState.Published
        select new ItemWithVersion { Item = item, Version = version };

    private PublishedPage? PickByChain(List<ItemWithVersion> candidates, string culture)
    {
        foreach (var code in cultures.FallbackChain(culture))
        {
            var hit = candidates.FirstOrDefault(c => string.Equals(c.Item.Culture, code, StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return new PublishedPage(hit.Item, hit.Version, culture);
        }
        return null;
    }

    private sealed class ItemWithVersion
    {
        public required ContentItem Item { get; init; }
        public required ContentVersion Version { get; init; }
    }
}
