using System.Runtime.CompilerServices;
using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Data.Blobs;

/// <summary>The embedded default: blobs as files in one folder. The media type is kept in a small
/// side file so that a download answers with the type the file was stored with.</summary>
public sealed class FolderBlobStore : IBlobStore
{
    private const string MediaTypeSuffix = ".mediatype";
    public const string PartialSuffix = ".partial";
    private readonly string _folder;

    public FolderBlobStore(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    public async Task<BlobProperties> PutAsync(string key, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        // Write beside the target and move into place, so a reader never sees half a file and an
        // interrupted upload leaves nothing under the key.
        var partial = path + "." + Guid.NewGuid().ToString("N") + PartialSuffix;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, 81920, cancellationToken);
            }
            await File.WriteAllTextAsync(path + MediaTypeSuffix, mediaType, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return new BlobProperties(key, new FileInfo(path).Length, mediaType);
    }

    public async Task<BlobContent?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        var properties = await HeadAsync(key, cancellationToken);
        if (properties is null) return null;
        var stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        if (range is null) return new BlobContent(properties, stream, 0, properties.Length);
        var last = range.LastIn(properties.Length);
        stream.Seek(range.From, SeekOrigin.Begin);
        var count = Math.Max(0, last - range.From + 1);
        return new BlobContent(properties, new BoundedReadStream(stream, count), range.From, count);
    }

    public async Task<BlobProperties?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        var typePath = path + MediaTypeSuffix;
        var mediaType = File.Exists(typePath) ? (await File.ReadAllTextAsync(typePath, cancellationToken)).Trim() : "application/octet-stream";
        return new BlobProperties(key, file.Length, mediaType);
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(
        string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var names = Directory.EnumerateFiles(_folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => BlobKeys.IsValid(name) && !name.EndsWith(MediaTypeSuffix, StringComparison.Ordinal)
                && !name.EndsWith(PartialSuffix, StringComparison.Ordinal))
            .Where(name => prefix is null || name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (await HeadAsync(name, cancellationToken) is { } properties) yield return properties;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        File.Delete(path + MediaTypeSuffix);
        return Task.FromResult(true);
    }

    public Task CheckAvailableAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_folder)) throw new DirectoryNotFoundException($"The blob folder {_folder} does not exist.");
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(_folder, BlobKeys.Require(key));
}
