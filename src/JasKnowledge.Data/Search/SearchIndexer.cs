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
        index.ReplaceAsync(item.Id, Document(item), cancellationToken);

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
        var items = await db.ContentItems.AsNoTracking().Include(i => i.Versions.Where(v => v.State == VersionState.Published))
            .Where(i => searchable.Contains(i.Type)).ToListAsync(cancellationToken);
        foreach (var item in items.Where(i => i.Published is not null))
        {
            await index.ReplaceAsync(item.Id, Document(item), cancellationToken);
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
        var expected = await db.ContentItems.CountAsync(i => searchable.Contains(i.Type) && i.Versions.Any(v => v.State == VersionState.Published), cancellationToken)
            + await db.Assets.CountAsync(cancellationToken);
        return await index.CountAsync(cancellationToken) == expected;
    }

    private SearchDocument? Document(ContentItem item)
    {
        if (!_types.TryGetValue(item.Type, out var type) || item.Published is not { } version) return null;
        var text = string.Join("\n\n", new[] { version.Summary, MarkdownRenderer.ToPlainText(version.Body), type.MoreText?.Invoke(version) }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return new SearchDocument(item.Id, item.Type, item.Culture, item.LocalizationSet, item.Slug, version.Title, text);
    }

    /// <summary>A file family is found by its title and the release notes of its versions, newest first.</summary>
    private static SearchDocument Document(Asset asset)
    {
        var notes = asset.NewestFirst().Where(r => !string.IsNullOrWhiteSpace(r.ReleaseNotes)).Select(r => $"{r.VersionLabel}: {r.ReleaseNotes}");
        return new SearchDocument(asset.Id, DownloadType, asset.Culture, $"{DownloadType}/{asset.Slug}", asset.Slug, asset.Title, string.Join("\n\n", notes));
    }
}
