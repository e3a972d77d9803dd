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
public sealed class DutchChangeStep(
    JasDbContext db, CultureCatalog cultures, IEnumerable<TranslatedType> types, IEnumerable<TranslatedField> fields, TimeProvider clock)
    : IPublishingStep
{
    public void ContentPublishing(ContentItem item, ContentVersion version)
    {
        if (!version.IsMajor || item.Culture != cultures.Default.Code || !types.Any(t => t.Type == item.Type)) return;
        var before = item.Versions.Where(v => v.State != VersionState.Draft && v.Number < version.Number).MaxBy(v => v.Number);
        if (before is null) return;
        var changed = Changed(item.Type, before, version);
        db.AlertNotifications.Add(new AlertNotification
        {
            Topic = DutchChangeMail.Topic, Culture = null, Title = version.Title, ChangeNote = version.ChangeNote,
            Path = DutchChangeMail.ItemPath(item.Id), Changes = changed.Count == 0 ? null : string.Join('\n', changed),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>What a translator has to look at again: the title, the summary, each changed section of the text by its heading,
    /// and each translated field with the parts that changed ("Ondertitels: 3, 12"; only the field when its parts were added
    /// or removed). A change to the subtitles alone had said nothing (attack of 7 December).</summary>
    private List<string> Changed(string type, ContentVersion before, ContentVersion now)
    {
        var changed = new List<string>();
        if (before.Title != now.Title) changed.Add("Titel");
        if (before.Summary != now.Summary) changed.Add("Samenvatting");
        changed.AddRange(TextSections.Changed(before.Body, now.Body).Select(c => c.Heading ?? "(begin van de tekst)").Distinct());
        foreach (var field in fields.Where(f => f.Type == type))
        {
            var was = VersionFields.Text(before.Fields, field.Name) is { } a ? field.Parts(a) : [];
            var next = VersionFields.Text(now.Fields, field.Name) is { } b ? field.Parts(b) : [];
            if (was.Count != next.Count) changed.Add(field.Label);
            else if (Enumerable.Range(0, next.Count).Where(i => was[i].Text != next[i].Text).Select(i => i + 1).ToList() is { Count: > 0 } parts)
                changed.Add(next.Count == 1 ? field.Label : $"{field.Label}: {string.Join(", ", parts)}");
        }
        return changed;
    }

    public Task FilesPublishingAsync(Asset asset, IReadOnlyList<AssetRevision> added, CancellationToken cancellationToken) => Task.CompletedTask;
}
