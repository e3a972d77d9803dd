using System.Security.Cryptography;
using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Core.Assets;

/// <summary>Bytes stored in the blob store under their own SHA-256.</summary>
public sealed record StoredFile(string BlobKey, string Sha256, long Size, string MediaType)
{
    public static string KeyFor(string sha256) => "sha256-" + sha256;

    /// <summary>Stores the content under its hash (the key is only known at the end). Content that can
    /// be read twice (a file, an upload the framework buffered) is hashed first and then stored, with
    /// no copy of its own; anything else streams through a temporary file while it is hashed. Memory
    /// stays flat whatever the size; identical bytes are stored once.</summary>
    public static async Task<StoredFile> StoreAsync(IBlobStore store, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        if (content.CanSeek)
        {
            var start = content.Position;
            var sha = await CopyHashingAsync(content, Stream.Null, cancellationToken);
            var size = content.Position - start;
            content.Position = start;
            var blobKey = KeyFor(sha);
            if (await store.HeadAsync(blobKey, cancellationToken) is not { } found || found.Length != size)
                await store.PutAsync(blobKey, content, mediaType, cancellationToken);
            return new StoredFile(blobKey, sha, size, mediaType);
        }
        var spool = Path.Combine(Path.GetTempPath(), "jas-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var sha256 = await CopyHashingAsync(content, file, cancellationToken);
                file.Position = 0;
                var key = KeyFor(sha256);
                if (await store.HeadAsync(key, cancellationToken) is not { } existing || existing.Length != file.Length)
                    await store.PutAsync(key, file, mediaType, cancellationToken);
                return new StoredFile(key, sha256, file.Length, mediaType);
            }
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Copies in chunks and returns the SHA-256 (lower-case hex) of what was copied.</summary>
    public static async Task<string> CopyHashingAsync(Stream from, Stream to, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
