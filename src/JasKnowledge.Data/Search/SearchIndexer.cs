using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Decides what of a content item or file family is searchable and records it in the search outbox.
/// Called inside the transaction that publishes, so the outbox always holds exactly the published
/// versions; each node's index follows the outbox (SearchIndexUpdater).
/// </summary>
public sealed class SearchIndexer(
    JasDbContext db, SearchOutbox outbox, IEnumerable<SearchableType> types, IEnumerable<Core.Modules.InternalFiles> internalFiles,
    IEnumerable<Core.Modules.FilesOfItem> filesOfItems)
{
    /// <summary>The search type of file families (their pages are under /downloads).</summary>
    public const string DownloadType = "download";

    private readonly Dictionary<string, SearchableType> _types = types.ToDictionary(t => t.Type);
    private readonly Core.Modules.InternalFiles[] _internal = internalFiles.ToArray();
    private readonly Core.Modules.FilesOfItem[] _ofItems = filesOfItems.ToArray();

    /// <summary>Records the item's published version, or its removal when nothing is published.</summary>
    public Task IndexAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        outbox.RecordAsync(item.Id, item.Published is { } version ? Document(item, version) : null, cancellationToken);

    public Task IndexAsync(Asset asset, CancellationToken cancellationToken = default) =>
        outbox.RecordAsync(asset.Id, Document(asset), cancellationToken);

    /// <summary>Records every published document again under new sequence numbers, and the removal of
    /// every source the outbox holds that is no longer searchable, in one transaction (after a restore,
    /// or on demand). Every node then applies them all. With an <paramref name="actor"/> the rebuild is
    /// logged in the audit log, which is also what tells the other nodes' publication watchers.</summary>
    public async Task<int> RebuildAsync(string? actor = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (actor is not null)
        {
            db.AuditLog.Add(new Core.Audit.AuditEntry
                { AtUtc = DateTime.UtcNow, Actor = actor, Action = "search.rebuild", Subject = "search outbox" });
            await db.SaveChangesAsync(cancellationToken);
        }
        var stale = (await outbox.SearchableSourcesAsync(cancellationToken)).ToHashSet();
        var count = 0;
        foreach (var (source, document) in await PublishedAsync(cancellationToken))
        {
            await outbox.RecordAsync(source, document, cancellationToken);
            stale.Remove(source);
            count++;
        }
        foreach (var source in stale) await outbox.RecordAsync(source, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>True when the outbox holds a document for every published searchable item and file
    /// family, and no other, each with its sections.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        if (await outbox.HoldsDocumentsWithoutSectionsAsync(cancellationToken)) return false;
        var searchable = _types.Keys.ToList();
        var expected = await (
                from version in db.ContentVersions
                join item in db.ContentItems on version.ItemId equals item.Id
                where version.State == VersionState.Published && searchable.Contains(item.Type)
                select version.Id).CountAsync(cancellationToken)
            + (await db.Assets.AsNoTracking().Include(a => a.Revisions).ToListAsync(cancellationToken)).Count(IsSearchable);
        return (await outbox.SearchableSourcesAsync(cancellationToken)).Count == expected;
    }

    private async Task<List<(Guid Source, SearchDocument Document)>> PublishedAsync(CancellationToken cancellationToken)
    {
        var searchable = _types.Keys.ToList();
        // Published versions joined to their items: one pass, whatever the length of the history.
        var published = await (
            from version in db.ContentVersions.AsNoTracking()
            join item in db.ContentItems.AsNoTracking() on version.ItemId equals item.Id
            where version.State == VersionState.Published && searchable.Contains(item.Type)
            select new { item, version }).ToListAsync(cancellationToken);
        var documents = published.Select(row => (row.item.Id, Document(row.item, row.version)!)).ToList();
        foreach (var asset in await db.Assets.AsNoTracking().Include(a => a.Revisions).ToListAsync(cancellationToken))
            if (Document(asset) is { } document) documents.Add((asset.Id, document));
        return documents;
    }

    private SearchDocument? Document(ContentItem item, ContentVersion version)
    {
        if (!_types.TryGetValue(item.Type, out var type)) return null;
        var body = MarkdownRenderer.ToPlainText(version.Body);
        var more = type.MoreText?.Invoke(version);
        var text = string.Join("\n\n", new[] { body.Text, more }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var sections = body.Headings.Select(h => new SearchSection(h.Heading.Id, h.Heading.Text, h.Start)).ToList();
        // The body comes first in the text; what follows it is in none of its sections.
        if (sections.Count > 0 && !string.IsNullOrWhiteSpace(more)) sections.Add(new SearchSection("", "", body.Text.Length));
        return new SearchDocument(
            item.Id, item.Type, item.Culture, item.LocalizationSet, item.Slug, version.Title, version.Summary ?? "", text, sections);
    }

    /// <summary>An internal family is not found at all, and a family offered on an item's page is found through that item.</summary>
    private bool IsSearchable(Asset asset) =>
        !Assets.PublishedAssets.IsInternal(_internal, asset.Culture, asset.Slug) && !_ofItems.Any(files => files.IsMember(asset));

    /// <summary>A file family is found by its title and the release notes of its versions, newest first.</summary>
    private SearchDocument? Document(Asset asset)
    {
        if (!IsSearchable(asset)) return null;
        var notes = asset.NewestFirst().Where(r => !string.IsNullOrWhiteSpace(r.ReleaseNotes)).Select(r => $"{r.VersionLabel}: {r.ReleaseNotes}");
        return new SearchDocument(
            asset.Id, DownloadType, asset.Culture, $"{DownloadType}/{asset.Slug}", asset.Slug, asset.Title, "", string.Join("\n\n", notes), []);
    }
}
