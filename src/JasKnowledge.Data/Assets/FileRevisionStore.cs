using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Audit;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Assets;

/// <summary>
/// Changes to downloadable files: the twin of <see cref="Content.ContentStore"/> for file revisions.
/// Each public method is one database transaction that holds the new revisions, their audit entries
/// and the family's search rows together; listeners hear of it only after the commit. The bytes are
/// stored before (content-addressed), so a transaction that rolls back leaves only an unreferenced blob.
/// </summary>
public sealed class FileRevisionStore(JasDbContext db, SearchIndexer search, IEnumerable<IPublicationListener> listeners, TimeProvider clock,
    IEnumerable<Core.Modules.IPublishingStep> publishingSteps)
{
    /// <summary>A file family with its revisions, tracked for a change.</summary>
    public Task<Asset?> FindAsync(string culture, string slug, CancellationToken cancellationToken = default) =>
        db.Assets.Include(a => a.Revisions).SingleOrDefaultAsync(a => a.Slug == slug && a.Culture == culture, cancellationToken);

    /// <summary>An editor's upload: a new revision named after the family's own naming
    /// (het-gesprek-handboek-1.2.pdf), never after the uploader's file.</summary>
    /// <exception cref="ContentRuleException">The label is not valid or already used.</exception>
    public async Task<AssetRevision> UploadAsync(
        Guid assetId, StoredFile stored, string version, string extension, string? releaseNotes, string actor,
        CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.Include(a => a.Revisions).SingleAsync(a => a.Id == assetId, cancellationToken);
        var stem = asset.Latest is { } previous && Path.GetFileNameWithoutExtension(previous.FileName) is var name
            && name.EndsWith("-" + previous.VersionLabel, StringComparison.Ordinal)
            ? name[..^(previous.VersionLabel.Length + 1)] : asset.Slug;
        var now = clock.GetUtcNow().UtcDateTime;
        var revision = asset.AddRevision(stored, version, $"{stem}-{version}{extension}", releaseNotes, now);
        await CommitAsync(asset, [revision], actor, "asset.revision.upload", now, cancellationToken);
        return revision;
    }

    /// <summary>Saves a family whose revisions or title changed (the content import): a new family is
    /// added, each new revision gets its audit entry, a title-only change gets one too, because other
    /// nodes watch the log to refresh (PublicationWatcher).</summary>
    public async Task SaveAsync(Asset asset, IReadOnlyList<AssetRevision> added, string actor, CancellationToken cancellationToken = default)
    {
        if (db.Entry(asset).State == EntityState.Detached) db.Assets.Add(asset);
        await CommitAsync(asset, added, actor, "asset.revision.add", clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private async Task CommitAsync(
        Asset asset, IReadOnlyList<AssetRevision> added, string actor, string action, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await CommitOnceAsync(asset, added, actor, action, now, cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseConflicts.IsUniqueViolation(e))
        {
            // Another new version of the same file was saved first (two editors, or a double click): the same label hits the
            // unique index, any other label finds the newest revision already replaced (ReplacedById is a concurrency token),
            // which would otherwise leave two "newest" revisions and a broken history (attack of 7 December).
            db.ChangeTracker.Clear();
            var labels = added.Select(r => r.VersionLabel.ToLowerInvariant()).ToList();
            if (await db.AssetRevisions.AnyAsync(r => r.AssetId == asset.Id && labels.Contains(r.VersionLabel.ToLower()), cancellationToken))
                throw new ContentRuleException(ContentRule.VersionLabelTaken,
                    $"'{asset.Slug}' ({asset.Culture}) heeft al een versie {string.Join(", ", added.Select(r => r.VersionLabel))}: die werd op hetzelfde "
                    + "moment opgeladen. Kijk in de lijst van versies of het uw bestand is; anders geeft u het een nieuw versienummer.");
            throw new ContentRuleException(ContentRule.ChangedMeanwhile,
                $"Op hetzelfde moment werd er een andere nieuwe versie van '{asset.Slug}' ({asset.Culture}) opgeladen, en die ging voor. "
                + "Er is niets van uw bestand bewaard. Kijk in de lijst van versies; is uw bestand nog nodig, laad het dan opnieuw op.");
        }
        foreach (var listener in listeners) await listener.PublishedAsync(cancellationToken);
    }

    private async Task CommitOnceAsync(
        Asset asset, IReadOnlyList<AssetRevision> added, string actor, string action, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (added.Count > 0)
            foreach (var step in publishingSteps) await step.FilesPublishingAsync(asset, added, cancellationToken);
        foreach (var revision in added)
            db.AuditLog.Add(
                new AuditEntry { AtUtc = now, Actor = actor, Action = action, Subject = $"{asset.Slug} ({asset.Culture}) {revision.VersionLabel}",
                Detail = revision.Sha256 });
        if (added.Count == 0)
            db.AuditLog.Add(
                new AuditEntry { AtUtc = now, Actor = actor, Action = "asset.update", Subject = $"{asset.Slug} ({asset.Culture})",
                Detail = asset.Title });
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync(asset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
