namespace JasKnowledge.Core.Blobs;

/// <summary>
/// Where file bytes live. Two implementations: a local folder (embedded default) and Azure Blob
/// Storage over its REST API (server mode). Keys are opaque, slash-free names chosen by the portal,
/// never by an uploader (assets use the SHA-256 of their bytes).
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under the key, replacing what was there. Reads the stream once, in
    /// chunks: memory does not grow with the size of the file.</summary>
    Task<BlobProperties> PutAsync(string key, Stream content, string mediaType, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob, or the byte range of it; null when the key does not exist.
    /// The caller disposes the returned content.</summary>
    Task<BlobContent?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default);

    Task<BlobProperties?> HeadAsync(string key, CancellationToken cancellationToken = default);

    IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>True when something was deleted.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached (used by the readiness check).</summary>
    Task CheckAvailableAsync(CancellationToken cancellationToken = default);
}

public sealed record BlobProperties(string Key, long Length, string MediaType);

/// <summary>An inclusive byte range, as in HTTP: bytes From..To. To = null means "to the end".</summary>
public sealed record ByteRange(long From, long? To)
{
    /// <summary>The inclusive end of this range within a blob of the given length.</summary>
    public long LastIn(long length) => To is { } to && to < length ? to : length - 1;
}

/// <summary>An open blob (or part of it). Offset and Count say which bytes Stream yields.</summary>
public sealed class BlobContent(BlobProperties properties, Stream stream, long offset, long count) : IAsyncDisposable, IDisposable
{
    public BlobProperties Properties { get; } = properties;
    public Stream Stream { get; } = stream;
    public long Offset { get; } = offset;
    public long Count { get; } = count;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
    public void Dispose() => Stream.Dispose();
}
