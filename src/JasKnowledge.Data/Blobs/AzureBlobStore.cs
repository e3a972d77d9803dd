using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using JasKnowledge.Core.Blobs;
using BlobProperties = JasKnowledge.Core.Blobs.BlobProperties;
using StorageTransferOptions = Azure.Storage.StorageTransferOptions;

namespace JasKnowledge.Data.Blobs;

/// <summary>The server-mode store: one container in Azure Blob Storage (or Azurite), through the Azure
/// SDK. Uploads go as staged blocks committed at the end, so an interrupted upload leaves nothing under
/// the key. Refusals become <see cref="BlobStoreException"/>, which carries no request address.</summary>
public sealed class AzureBlobStore(BlobContainerClient container, AzureBlobAuthentication authentication) : IBlobStore
{
    private const string DefaultMediaType = "application/octet-stream";

    // One block per request and one request at a time: the upload holds a few blocks in memory,
    // whatever the size of the file.
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 1,
    };

    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobStore(AzureBlobConnection connection) : this(connection.Container, connection.Authentication)
    {
    }

    public async Task<BlobProperties> PutAsync(string key, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        var counted = new CountingReadStream(content);
        await Call($"store '{key}'", () => container.GetBlobClient(key).UploadAsync(counted, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = mediaType },
            TransferOptions = Transfer,
        }, cancellationToken));
        return new BlobProperties(key, counted.BytesRead, mediaType);
    }

    public async Task<BlobContent?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        var options = new BlobDownloadOptions();
        if (range is not null) options.Range = new HttpRange(range.From, range.To is { } to ? to - range.From + 1 : null);
        BlobDownloadStreamingResult result;
        try
        {
            result = (await container.GetBlobClient(key).DownloadStreamingAsync(options, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (RequestFailedException e) when (range is not null && e.Status == (int)HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // A range that starts at or past the end holds no bytes, as in the folder store.
            return await HeadAsync(key, cancellationToken) is { } whole ? new BlobContent(whole, Stream.Null, range.From, 0) : null;
        }
        catch (Exception e) when (BlobStoreException.Translate(e, $"read '{key}'") is { } failure)
        {
            throw failure;
        }

        var details = result.Details;
        var mediaType = string.IsNullOrEmpty(details.ContentType) ? DefaultMediaType : details.ContentType;
        if (ContentRangeHeaderValue.TryParse(details.ContentRange, out var contentRange)
            && contentRange is { From: { } from, To: { } last, Length: { } total })
        {
            return new BlobContent(new BlobProperties(key, total, mediaType), result.Content, from, last - from + 1);
        }
        if (range is not null && range.From > 0)
        {
            // Azurite answers a range past the end with 206 and no Content-Range: no bytes either.
            await result.Content.DisposeAsync();
            return await HeadAsync(key, cancellationToken) is { } whole ? new BlobContent(whole, Stream.Null, range.From, 0) : null;
        }
        var length = details.ContentLength;
        return new BlobContent(new BlobProperties(key, length, mediaType), result.Content, 0, length);
    }

    public async Task<BlobProperties?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var properties = (await container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var mediaType = string.IsNullOrEmpty(properties.ContentType) ? DefaultMediaType : properties.ContentType;
            return new BlobProperties(key, properties.ContentLength, mediaType);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (BlobStoreException.Translate(e, $"read the properties of '{key}'") is { } failure)
        {
            throw failure;
        }
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(
        string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var blobs = container.GetBlobsAsync(new GetBlobsOptions { Prefix = string.IsNullOrEmpty(prefix) ? null : prefix }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                BlobItem blob;
                try
                {
                    if (!await blobs.MoveNextAsync()) yield break;
                    blob = blobs.Current;
                }
                catch (Exception e) when (BlobStoreException.Translate(e, "list blobs") is { } failure)
                {
                    throw failure;
                }
                // Like the folder store, skip whatever else lives in the container.
                if (!BlobKeys.IsValid(blob.Name)) continue;
                var mediaType = string.IsNullOrEmpty(blob.Properties.ContentType) ? DefaultMediaType : blob.Properties.ContentType;
                yield return new BlobProperties(blob.Name, blob.Properties.ContentLength ?? 0, mediaType);
            }
        }
        finally
        {
            await blobs.DisposeAsync();
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        return await Call($"delete '{key}'", () => container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task CheckAvailableAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        // Listing one blob rather than reading container properties: a container-scoped SAS may list
        // but not read the container's properties.
        await Call("reach the container", async () =>
        {
            await using var page = container.GetBlobsAsync(cancellationToken: cancellationToken)
                .AsPages(pageSizeHint: 1).GetAsyncEnumerator(cancellationToken);
            await page.MoveNextAsync();
            return true;
        });
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady) return;
        await _containerGate.WaitAsync(cancellationToken);
        try
        {
            if (_containerReady) return;
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e)
                when (e.Status == (int)HttpStatusCode.Forbidden && authentication != AzureBlobAuthentication.ConnectionString)
            {
                // A SAS or a role scoped to the container may not create containers: whoever gave it made
                // the container; if it is missing after all, the next call says so.
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Forbidden && e.ErrorCode == "AuthorizationPermissionMismatch")
            {
                // The same for a connection string that carries a SAS.
            }
            catch (Exception e) when (BlobStoreException.Translate(e, "create the container") is { } failure)
            {
                throw failure;
            }
            _containerReady = true;
        }
        finally
        {
            _containerGate.Release();
        }
    }

    private static async Task<T> Call<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (BlobStoreException.Translate(e, action) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<T> Call<T>(string action, Func<Task<Response<T>>> call) => (await Call<Response<T>>(action, call)).Value;

    /// <summary>Counts what the SDK reads, so the store can say how long the blob is without asking.</summary>
    private sealed class CountingReadStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Counted(int read)
        {
            BytesRead += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
