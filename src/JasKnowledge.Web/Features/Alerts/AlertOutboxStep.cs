using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>Writes the alert outbox row inside the publishing transaction: only for a major version
/// (never a minor edit or a draft) of something that can be followed, and for a new edition.</summary>
public sealed class AlertOutboxStep(JasDbContext db, AlertTopics topics, ContentUrls urls, TimeProvider clock, IServiceProvider services)
    : IPublishingStep
{
    public void ContentPublishing(ContentItem item, ContentVersion version)
    {
        if (!version.IsMajor || topics.Of(item) is not { } topic) return;
        db.AlertNotifications.Add(new AlertNotification
        {
            Topic = topic.Topic, Culture = topic.Culture, Title = version.Title, ChangeNote = version.ChangeNote,
            Path = urls.For(item) ?? "/", CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    public async Task FilesPublishingAsync(Asset asset, IReadOnlyList<AssetRevision> added, CancellationToken cancellationToken)
    {
        if (topics.FilesOf(asset.Culture, asset.Slug) is not { } files) return;
        foreach (var revision in added)
        {
            var previous = asset.Revisions.Where(r => r.PublishedUtc < revision.PublishedUtc).MaxBy(r => r.PublishedUtc);
            // What the family says changed (an edition: its chapters compared with the edition before).
            IReadOnlyList<string> changes = files.Changes is { } changed && previous is not null
                ? await changed(services, previous, revision, cancellationToken) : [];
            db.AlertNotifications.Add(new AlertNotification
            {
                Topic = files.Topic, Culture = null, Title = $"{asset.Title} {revision.VersionLabel}", ChangeNote = revision.ReleaseNotes,
                Path = files.Url(revision.VersionLabel), Changes = changes.Count == 0 ? null : string.Join('\n', changes),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
    }
}
