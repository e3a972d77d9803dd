using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;

namespace JasKnowledge.Core.Modules;

/// <summary>Runs inside the publishing transaction of content and files, before it commits, so what it adds to the
/// database context (an outbox row) commits or rolls back with the publication. Registered scoped with
/// <see cref="ModuleRegistrations.AddPublishingStep{TStep}"/>; it shares the store's context. Its twin after the commit is
/// <see cref="IPublicationListener"/>.</summary>
public interface IPublishingStep
{
    /// <summary>A version of <paramref name="item"/> became public.</summary>
    void ContentPublishing(ContentItem item, ContentVersion version);

    /// <summary>New revisions of a file family were added (asynchronous: it may read what the family
    /// already holds, such as an edition's kept text).</summary>
    Task FilesPublishingAsync(Asset asset, IReadOnlyList<AssetRevision> added, CancellationToken cancellationToken);
}
