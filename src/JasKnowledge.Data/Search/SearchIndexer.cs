using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Decides what of a content item or file family is searchable and writes it to the index. Called
/// inside the transaction that publishes, so the index always shows exactly the published versions.
/// </summary>
public sealed class SearchIndexer(JasDbContext db, ISearchIndex index, IEnumerable<SearchableType> types)
{
    /// <summary>The search type of file families (their pages are under /downloads).</summary>
    public const string DownloadType = "download";

    private readonly Dictionary<string, SearchableType> _types = types.ToDictionary(t => t.Type);

    /// <summary>Indexes the item's published version, or removes it when nothing is published.</summary>
    public Task IndexAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        index.ReplaceAsync(item.Id, item.Published is { } version ? Document(item, version) : null, cancellationToken);

    public Task IndexAsync(Asset asset, CancellationToken cancellationToken = default) =>
        index.ReplaceAsync(asset.Id, Document(asset), cancellationToken);

    /// <summary>Rewrites the whole index in one transaction (after an upgrade, or when the counts do
    /// not match what is published).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await index.ClearAsync(cancellationToken);
        var count = 0;
        var searchable = _types.Keys.ToList();
        // Published versions joined to their items: one pass, whatever the length of the history.
        var published = await (
            from version in db.ContentVersions.AsNoTracking()
            join item in db.ContentItems.AsNoTracking() on version.ItemId equals item.Id
            where version.State == VersionState.Published && searchable.Contains(item.Type)
            select new { item, version }).ToListAsync(cancellationToken);
        foreach (var row in published)
        {
            await index.ReplaceAsync(row.item.Id, Document(row.item, row.version), cancellationToken);
            count++;
        }
        foreach (var asset in await db.Assets.AsNoTracking().Include(a => a.Revisions).ToListAsync(cancellationToken))
        {
            await index.ReplaceAsync(asset.Id, Document(asset), cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>True when the index holds as many documents as there are published searchable items
    /// and file families.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        var searchable = _types.Keys.ToList();
        var expected = await (
                from version in db.ContentVersions
                join item in db.ContentItems on version.ItemId equals item.Id
                where version.State == VersionState.Published && searchable.Contains(item.Type)
                select version.Id).CountAsync(cancellationToken)
            + await db.Assets.CountAsync(cancellationToken);
        return await index.CountAsync(cancellationToken) == expected;
    }

    private SearchDocument? Document(ContentItem item, ContentVersion version)
    {
        if (!_types.TryGetValue(item.Type, out var type)) return null;
        var text = string.Join("\n\n", new[] { version.Summary, MarkdownRenderer.ToPlainText(version.Body), type.MoreText?.Invoke(version) }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(item.Id, item.Type, item.Culture, item.LocalizationSet, item.Slug, version.Title, text);
    }

    /// <summary>A file family is found by its title and the release notes of its versions, newest first.</summary>
    private static SearchDocument Document(Asset asset)
    {
        var notes = asset.NewestFirst().Where(r => !string.IsNullOrWhiteSpace(r.ReleaseNotes)).Select(r => $"{r.VersionLabel}: {r.ReleaseNotes}");
        return new SearchDocument(
            asset.Id, DownloadType, asset.Culture, $"{DownloadType}/{asset.Slug}", asset.Slug, asset.Title, string.Join("\n\n", notes));
    }
}
