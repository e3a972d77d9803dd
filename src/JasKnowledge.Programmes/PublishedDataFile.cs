using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Assets;
using JasKnowledge.Programmes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes;

/// <summary>
/// An open-data file the module reads (the CBS list, the boundaries), taken from its latest published
/// revision in the blob store like any download, so pages and downloads always agree. Parsed once per
/// revision: a new revision is picked up on the next request.
/// </summary>
public sealed class PublishedDataFile<T>(IServiceScopeFactory scopes, string slug, T empty, Func<Stream, CancellationToken, Task<T>> parse)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Sha256, T Value)? _loaded;

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var asset = await scope.ServiceProvider.GetRequiredService<PublishedAssets>()
            .FindAsync(ProgrammeContentTypes.Culture, slug, cancellationToken);
        var revision = asset?.Latest;
        if (revision is null) return empty;
        if (_loaded is { } cached && cached.Sha256 == revision.Sha256) return cached.Value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } again && again.Sha256 == revision.Sha256) return again.Value;
            await using var blob = await scope.ServiceProvider.GetRequiredService<IBlobStore>()
                .GetAsync(revision.BlobKey, cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException($"The file {slug} ({revision.BlobKey}) is missing from the blob store.");
            var value = await parse(blob.Stream, cancellationToken);
            _loaded = (revision.Sha256, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
