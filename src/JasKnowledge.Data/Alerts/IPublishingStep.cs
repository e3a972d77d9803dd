using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;

namespace JasKnowledge.Data.Alerts;

/// <summary>Runs inside the publishing transaction, before it commits, so what it adds to the
/// context (an outbox row) commits or rolls back with the publication. Registered scoped; it shares
/// the store's context.</summary>
public interface IPublishingStep
{
    /// <summary>A version of <paramref name="item"/> became public.</summary>
    void ContentPublishing(ContentItem item, ContentVersion version);

    /// <summary>New revisions of a file family were added.</summary>
    void FilesPublishing(Asset asset, IReadOnlyList<AssetRevision> added);
}
