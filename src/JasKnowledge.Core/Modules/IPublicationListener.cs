namespace JasKnowledge.Core.Modules;

/// <summary>Told after a change to what the public sees (a version published or withdrawn, a file
/// revision added) has been committed, e.g. to drop cached pages. Runs after the commit, so it never
/// acts on a change that rolled back.</summary>
public interface IPublicationListener
{
    Task PublishedAsync(CancellationToken cancellationToken);
}
