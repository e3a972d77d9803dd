using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Assets;
using JasKnowledge.Programmes.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Programmes;

/// <summary>
/// An open-data file the module reads (the CBS list, the boundaries), taken from its latest published
/// revision in the blob store like any download, so pages and downloads always agree. Parsed once per
/// revision: a new revision is picked up on the next request. A revision that cannot be read (uploads are
/// checked, but a file imported from a content folder is not) is logged, and the newest earlier revision
/// that can be read serves instead, so one bad file never takes the pages down.
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
        var latest = asset?.Latest;
        if (latest is null) return empty;
        if (_loaded is { } cached && cached.Sha256 == latest.Sha256) return cached.Value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } again && again.Sha256 == latest.Sha256) return again.Value;
            var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
            foreach (var revision in asset!.NewestFirst())
            {
                // A missing blob or a failing store is not the file's fault: it surfaces as before, and the next request tries again.
                await using var blob = await blobs.GetAsync(revision.BlobKey, cancellationToken: cancellationToken)
                    ?? throw new InvalidOperationException($"The file {slug} ({revision.BlobKey}) is missing from the blob store.");
                try
                {
                    var value = await parse(blob.Stream, cancellationToken);
                    // Kept under the latest revision's hash: an unreadable file is read (and logged) once, not on every request.
                    _loaded = (latest.Sha256, value);
                    return value;
                }
                catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException
                                              or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
                {
                    scope.ServiceProvider.GetRequiredService<ILogger<PublishedDataFile<T>>>().LogError(e,
                        "Version {Version} of {Slug} cannot be read; an earlier version serves instead.", revision.VersionLabel, slug);
                }
            }
            return empty;
        }
        finally
        {
            _gate.Release();
        }
    }
}
