using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>Writes, in the publishing transaction, a notification for translators when a major change to a Dutch text of a
/// translated type makes its translations outdated (<see cref="DutchChangeMail"/> says who gets it). A minor change keeps
/// translations current and tells nobody; a first publication has nothing translated from it yet.</summary>
public sealed class DutchChangeStep(JasDbContext db, CultureCatalog cultures, IEnumerable<TranslatedType> types, TimeProvider clock)
    : IPublishingStep
{
    public void ContentPublishing(ContentItem item, ContentVersion version)
    {
        if (!version.IsMajor || item.Culture != cultures.Default.Code || !types.Any(t => t.Type == item.Type)) return;
        var before = item.Versions.Where(v => v.State != VersionState.Draft && v.Number < version.Number).MaxBy(v => v.Number);
        if (before is null) return;
        var changed = TextSections.Changed(before.Body, version.Body).Select(c => c.Heading ?? "(begin van de tekst)").Distinct().ToList();
        db.AlertNotifications.Add(new AlertNotification
        {
            Topic = DutchChangeMail.Topic, Culture = null, Title = version.Title, ChangeNote = version.ChangeNote,
            Path = DutchChangeMail.ItemPath(item.Id), Changes = changed.Count == 0 ? null : string.Join('\n', changed),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    public Task FilesPublishingAsync(Asset asset, IReadOnlyList<AssetRevision> added, CancellationToken cancellationToken) => Task.CompletedTask;
}
