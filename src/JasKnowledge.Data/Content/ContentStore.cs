using JasKnowledge.Core.Audit;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Telemetry;
using JasKnowledge.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Content;

/// <summary>
/// Changes to content. Each public method is one database transaction that holds the change, its
/// audit entry and the item's search rows together, so the log never claims something that did not
/// happen, and search never shows a draft or misses what is public. The state rules themselves live
/// on <see cref="ContentItem"/>.
/// </summary>
public sealed class ContentStore(
    JasDbContext db, SearchIndexer search, IEnumerable<IPublicationListener> listeners, IEnumerable<IContentFieldRules> fieldRules,
    TimeProvider clock, PortalMetrics metrics, IEnumerable<Core.Modules.IPublishingStep> publishingSteps, Core.Localization.CultureCatalog cultures)
{
    private readonly ILookup<string, IContentFieldRules> _rules = fieldRules.ToLookup(r => r.Type);

    public Task<ContentItem?> FindAsync(string localizationSet, string culture, CancellationToken cancellationToken = default) =>
        db.ContentItems.Include(i => i.Versions)
            .SingleOrDefaultAsync(i => i.LocalizationSet == localizationSet && i.Culture == culture, cancellationToken);

    public Task<ContentItem?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ContentItems.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<ContentItem> CreateAsync(
        string type, string culture, string localizationSet, string slug, VersionText text, string actor,
        CancellationToken cancellationToken = default)
    {
        Check(type, text);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { Type = type, Culture = culture, LocalizationSet = localizationSet, Slug = slug, CreatedUtc = now };
        var draft = item.StartDraft(text, actor, now);
        db.ContentItems.Add(item);
        await CommitAsync(item, false, actor, "content.create", Describe(item, draft), text.ChangeNote, cancellationToken);
        return item;
    }

    public async Task<ContentVersion> SaveDraftAsync(ContentItem item, VersionText text, string actor, CancellationToken cancellationToken = default)
    {
        Check(item.Type, text);
        var draft = item.Draft;
        if (draft is null) draft = item.StartDraft(text, actor, clock.GetUtcNow().UtcDateTime);
        else item.EditDraft(text);
        await CommitAsync(item, false, actor, "content.draft", Describe(item, draft), text.ChangeNote, cancellationToken);
        return draft;
    }

    /// <summary>Publishes a saved draft as it is.</summary>
    public async Task<ContentVersion> PublishAsync(ContentItem item, int number, string actor, CancellationToken cancellationToken = default)
    {
        var version = item.Publish(number, clock.GetUtcNow().UtcDateTime);
        await CommitAsync(item, true, actor, "content.publish", Describe(item, version), version.ChangeNote, cancellationToken, version);
        return version;
    }

    /// <summary>An editor's "Publiceren", in one transaction: the form's text becomes the draft (the open one, or a new one; a
    /// new item is created with it) and is published at once. Refused before anything changes when it breaks a publishing rule or
    /// is the published text itself (pressing "Publiceren" on an unchanged form made a new, identical version: review of
    /// 7 December 2026).</summary>
    public async Task<ContentVersion> SaveAndPublishAsync(ContentItem item, VersionText text, string actor, CancellationToken cancellationToken = default)
    {
        Check(item.Type, text);
        ContentItem.CheckPublishable(text);
        if (item.Published is { } published && published.ToText() with { ChangeNote = text.ChangeNote, IsMajor = text.IsMajor } == text)
            throw new ContentRuleException(ContentRule.Unchanged,
                $"De tekst is dezelfde als die van de gepubliceerde versie {published.Number}: er is geen nieuwe versie gemaakt.");
        if (db.Entry(item).State == EntityState.Detached) db.ContentItems.Add(item);
        var now = clock.GetUtcNow().UtcDateTime;
        ContentVersion version;
        if (item.Draft is { } open)
        {
            item.EditDraft(text);
            version = open;
        }
        else version = item.StartDraft(text, actor, now);
        item.Publish(version.Number, now);
        await CommitAsync(item, true, actor, "content.publish", Describe(item, version), version.ChangeNote, cancellationToken, version);
        return version;
    }

    /// <summary>A new version made public at once, by the import and the demo data; a new item is created in the same
    /// transaction.</summary>
    public async Task<ContentVersion> PublishNewVersionAsync(
        ContentItem item, VersionText text, string actor, CancellationToken cancellationToken = default)
    {
        Check(item.Type, text);
        if (db.Entry(item).State == EntityState.Detached) db.ContentItems.Add(item);
        var now = clock.GetUtcNow().UtcDateTime;
        var version = item.StartDraft(text, actor, now);
        item.Publish(version.Number, now);
        await CommitAsync(item, true, actor, "content.publish", Describe(item, version), version.ChangeNote, cancellationToken, version);
        return version;
    }

    public async Task UnpublishAsync(ContentItem item, string actor, CancellationToken cancellationToken = default)
    {
        var version = item.Unpublish();
        await CommitAsync(item, true, actor, "content.unpublish", Describe(item, version), null, cancellationToken);
    }

    /// <summary>Who took <paramref name="item"/> offline last (the audit entry of its <see cref="ContentItem.LastWithdrawn"/>), or null.</summary>
    public async Task<string?> WithdrawnByAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        if (item.LastWithdrawn is not { } withdrawn) return null;
        var subject = Describe(item, withdrawn);
        return await db.AuditLog.Where(e => e.Action == "content.unpublish" && e.Subject == subject)
            .OrderByDescending(e => e.Id).Select(e => e.Actor).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The other languages of <paramref name="item"/>'s text, published or not, with their versions.</summary>
    public async Task<IReadOnlyList<ContentItem>> TranslationsAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        await db.ContentItems.Include(i => i.Versions)
            .Where(i => i.LocalizationSet == item.LocalizationSet && i.Id != item.Id).ToListAsync(cancellationToken);

    /// <summary>The published translations of <paramref name="item"/>'s text (the other languages of its set), for the question whether
    /// they go offline with it.</summary>
    public async Task<IReadOnlyList<ContentItem>> PublishedTranslationsAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        (await TranslationsAsync(item, cancellationToken)).Where(i => i.Published is not null).ToList();

    /// <summary>Takes the text and the given translations offline together, in one transaction: a municipality pulling a wrong page
    /// pulls it in every language, or in none.</summary>
    public async Task UnpublishWithTranslationsAsync(
        ContentItem item, IReadOnlyList<ContentItem> translations, string actor, CancellationToken cancellationToken = default)
    {
        var changes = new[] { item }.Concat(translations.Where(t => t.LocalizationSet == item.LocalizationSet && t.Published is not null))
            .Select(i => (i, Describe(i, i.Unpublish()))).ToList();
        await CommitAsync(changes, true, actor, "content.unpublish", null, cancellationToken);
    }

    public async Task<ContentVersion> RestoreAsync(ContentItem item, int number, string actor, CancellationToken cancellationToken = default)
    {
        var draft = item.Restore(number, actor, clock.GetUtcNow().UtcDateTime);
        await CommitAsync(item, false, actor, "content.restore", Describe(item, draft), draft.ChangeNote, cancellationToken);
        return draft;
    }

    /// <summary>A link to a draft handed out (/voorbeeld/…): nothing changes, but unpublished text leaves the back office, so the
    /// audit log says who shared which version until when.</summary>
    public async Task PreviewSharedAsync(ContentItem item, int number, string actor, DateTimeOffset expires, CancellationToken cancellationToken = default)
    {
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = "content.preview-link", Subject = $"{item.LocalizationSet} ({item.Culture}) v{number}",
            Detail = $"geldig tot {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Refuses a text that breaks its type's field rules, before anything changes.</summary>
    private void Check(string type, VersionText text)
    {
        var errors = _rules[type].SelectMany(r => r.Check(text)).ToList();
        if (errors.Count > 0)
            throw new ContentRuleException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);
    }

    /// <param name="publicChange">Whether the item's public version changed: then it is re-indexed and the listeners hear of it.</param>
    /// <param name="publishedVersion">The version that became public, for the publishing steps (alerts' outbox).</param>
    private Task CommitAsync(
        ContentItem item, bool publicChange, string actor, string action, string subject, string? detail, CancellationToken cancellationToken,
        ContentVersion? publishedVersion = null) =>
        CommitAsync([(item, subject)], publicChange, actor, action, detail, cancellationToken, publishedVersion);

    /// <param name="publishedVersion">The version just published, of the one item changed (the publishing steps run for it).</param>
    private async Task CommitAsync(
        IReadOnlyList<(ContentItem Item, string Subject)> changes, bool publicChange, string actor, string action, string? detail,
        CancellationToken cancellationToken, ContentVersion? publishedVersion = null)
    {
        // A new item's language is one of the portal's, written as configured: "NL" or "UK" beside "nl" and "uk" would
        // be a second Dutch text or a language no visitor can choose, and the sitemap, API and facets would carry it.
        if (changes.Any(c => db.Entry(c.Item).State == EntityState.Added && cultures.Find(c.Item.Culture)?.Code != c.Item.Culture))
        {
            db.ChangeTracker.Clear();
            throw new ContentRuleException($"'{changes[0].Item.Culture}' is geen taal van dit portaal.");
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (item, subject) in changes)
            {
                item.ChangeCount++;
                if (publishedVersion is not null)
                    foreach (var step in publishingSteps) step.ContentPublishing(item, publishedVersion);
                db.AuditLog.Add(new AuditEntry { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Detail = detail });
            }
            await db.SaveChangesAsync(cancellationToken);
            if (publicChange)
                foreach (var (item, _) in changes) await search.IndexAsync(item, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseConflicts.IsUniqueViolation(e))
        {
            // A request that began from the same state saved first: the item's change count had moved on
            // (an edit, publication or restore of the same item), or its new version number or address was taken.
            // The refused change leaves this context, so that the caller's next look-up reads what was saved.
            db.ChangeTracker.Clear();
            throw new ContentRuleException(ContentRule.ChangedMeanwhile,
                "Iemand anders sloeg op hetzelfde moment een wijziging van deze tekst op, en die ging voor. Laad de pagina opnieuw: u ziet dan wat er nu staat.");
        }
        if (publicChange)
        {
            metrics.Published(action);
            foreach (var listener in listeners) await listener.PublishedAsync(cancellationToken);
        }
    }

    private static string Describe(ContentItem item, ContentVersion version) => $"{item.LocalizationSet} ({item.Culture}) v{version.Number}";
}
