using JasKnowledge.Core.Modules;
using Microsoft.AspNetCore.OutputCaching;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>Drops every cached page once a publication has been committed.</summary>
public sealed class OutputCacheInvalidation(IOutputCacheStore store) : IPublicationListener
{
    public Task PublishedAsync(CancellationToken cancellationToken) =>
        store.EvictByTagAsync(CachingSetup.ContentTag, cancellationToken).AsTask();
}
