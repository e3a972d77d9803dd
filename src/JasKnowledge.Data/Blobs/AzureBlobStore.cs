using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Data.Blobs;

/// <summary>The server-mode store: one container in Azure Blob Storage (or Azurite), spoken to over the
/// REST API with HttpClient because the Azure SDK cannot be restored here. Uploads are staged as
/// blocks and committed at the end, so an interrupted upload leaves nothing under the key.</summary>
public sealed partial class AzureBlobStore : IBlobStore
{
    private const string ApiVersion = "2021-08-06";
    // Large enough for few round trips, small enough that one pooled buffer per upload is cheap.
    private const int BlockSize = 4 * 1024 * 1024;
    private const string DefaultMediaType = "application/octet-stream";

    // HttpClient is meant to be shared; recycling connections lets DNS changes of the endpoint through.
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    private readonly AzureStorageConnection _connection;
    private readonly HttpClient _http;
    private readonly string _container;
    private readonly string _containerUri;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobStore(string connectionString, string container, HttpClient? httpClient = null)
    {
        _connection = AzureStorageConnection.Parse(connectionString);
        if (container is null || !ContainerName().IsMatch(container) || container.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Not a valid container name: '{container}'. Use 3 to 63 lower-case letters, digits and single hyphens.", nameof(container));
        }
        _container = container;
        _containerUri = _connection.BlobEndpoint.AbsoluteUri.TrimEnd('/') + "/" + container;
        _http = httpClient ?? SharedClient;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    public async Task<BlobProperties> PutAsync(string key, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        // Ids unique to this upload, so concurrent uploads to one key never commit each other's blocks.
        var upload = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        long length = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int filled;
            do
            {
                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0) break;
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{upload}-{blockIds.Count:D6}"));
                using var request = Request(HttpMethod.Put, key, "comp=block&blockid=" + Uri.EscapeDataString(blockId));
                request.Content = new ByteArrayContent(buffer, 0, filled);
                using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (!response.IsSuccessStatusCode) throw Failure(response, $"upload a block of '{key}'");
                blockIds.Add(blockId);
                length += filled;
            }
            while (filled == BlockSize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // An empty list commits a zero-length blob, so an empty stream needs no special case.
        var blockList = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var commit = Request(HttpMethod.Put, key, "comp=blocklist");
        commit.Headers.TryAddWithoutValidation("x-ms-blob-content-type", mediaType);
        commit.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(blockList.ToString(SaveOptions.DisableFormatting)));
        using var committed = await SendAsync(commit, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!committed.IsSuccessStatusCode) throw Failure(committed, $"commit '{key}'");
        return new BlobProperties(key, length, mediaType);
    }

    public async Task<BlobContent?> GetAsync(string key, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        using var request = Request(HttpMethod.Get, key);
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-range", range.To is { } to ? $"bytes={range.From}-{to}" : $"bytes={range.From}-");
        }
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var handedOver = false;
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            // A range that starts at or past the end holds no bytes: the folder store answers it with an
            // empty stream, and so does this one. Azure refuses it with 416; Azurite answers 206 with no
            // Content-Range.
            if (range is not null && (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable
                || (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is null)))
            {
                return await HeadAsync(key, cancellationToken) is { } whole ? new BlobContent(whole, Stream.Null, range.From, 0) : null;
            }
            if (!response.IsSuccessStatusCode) throw Failure(response, $"read '{key}'");

            var headers = response.Content.Headers;
            long length, offset, count;
            if (headers.ContentRange is { From: { } from, To: { } last, Length: { } total })
            {
                (length, offset, count) = (total, from, last - from + 1);
            }
            else
            {
                length = headers.ContentLength ?? throw Failure(response, $"read '{key}' (no Content-Length)");
                (offset, count) = (0, length);
            }
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            handedOver = true;
            return new BlobContent(new BlobProperties(key, length, MediaTypeOf(response)), new ResponseStream(response, body, count), offset, count);
        }
        finally
        {
            if (!handedOver) response.Dispose();
        }
    }

    public async Task<BlobProperties?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        using var request = Request(HttpMethod.Head, key);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw Failure(response, $"read the properties of '{key}'");
        return new BlobProperties(key, response.Content.Headers.ContentLength ?? 0, MediaTypeOf(response));
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(
        string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        string? marker = null;
        do
        {
            var query = "restype=container&comp=list";
            if (!string.IsNullOrEmpty(prefix)) query += "&prefix=" + Uri.EscapeDataString(prefix);
            if (marker is not null) query += "&marker=" + Uri.EscapeDataString(marker);
            XDocument page;
            using (var request = Request(HttpMethod.Get, null, query))
            using (var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
            {
                if (!response.IsSuccessStatusCode) throw Failure(response, "list blobs");
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                page = await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken);
            }

            foreach (var blob in page.Root?.Element("Blobs")?.Elements("Blob") ?? [])
            {
                // Like the folder store, skip whatever else lives in the container.
                if ((string?)blob.Element("Name") is not { } name || !BlobKeys.IsValid(name)) continue;
                var properties = blob.Element("Properties");
                var mediaType = (string?)properties?.Element("Content-Type") is { Length: > 0 } type ? type : DefaultMediaType;
                yield return new BlobProperties(name, (long?)properties?.Element("Content-Length") ?? 0, mediaType);
            }
            marker = (string?)page.Root?.Element("NextMarker") is { Length: > 0 } next ? next : null;
        }
        while (marker is not null);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKeys.Require(key);
        await EnsureContainerAsync(cancellationToken);
        using var request = Request(HttpMethod.Delete, key);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw Failure(response, $"delete '{key}'");
        return true;
    }

    public async Task CheckAvailableAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        // Listing one blob rather than reading container properties: a container-scoped SAS may list
        // but not read the container's properties.
        using var request = Request(HttpMethod.Get, null, "restype=container&comp=list&maxresults=1");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode) throw Failure(response, "reach the container");
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady) return;
        await _containerGate.WaitAsync(cancellationToken);
        try
        {
            if (_containerReady) return;
            using var request = Request(HttpMethod.Put, null, "restype=container");
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            // A SAS without the right to create containers (e.g. one scoped to this container) comes
            // from whoever made the container; if it is missing after all, the next call says so.
            var ready = response.IsSuccessStatusCode
                || (response.StatusCode == HttpStatusCode.Conflict && ErrorCode(response) == "ContainerAlreadyExists")
                || (response.StatusCode == HttpStatusCode.Forbidden && _connection.SharedAccessSignature is not null);
            if (!ready) throw Failure(response, "create the container");
            _containerReady = true;
        }
        finally
        {
            _containerGate.Release();
        }
    }

    /// <summary>A request for the container (key null) or one blob in it.</summary>
    private HttpRequestMessage Request(HttpMethod method, string? key, string query = "")
    {
        var uri = new StringBuilder(_containerUri);
        if (key is not null) uri.Append('/').Append(key);
        var separator = '?';
        foreach (var part in new[] { query, _connection.SharedAccessSignature })
        {
            if (string.IsNullOrEmpty(part)) continue;
            uri.Append(separator).Append(part);
            separator = '&';
        }
        return new HttpRequestMessage(method, uri.ToString());
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        request.Headers.TryAddWithoutValidation("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        _connection.Signer?.Sign(request);
        return _http.SendAsync(request, completion, cancellationToken);
    }

    private BlobStoreException Failure(HttpResponseMessage response, string action)
    {
        var code = ErrorCode(response);
        return new BlobStoreException(response.StatusCode, code,
            $"Blob storage refused to {action} in container '{_container}': {(int)response.StatusCode} {code ?? response.ReasonPhrase}.");
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;

    // The raw header, so the media type reads back exactly as it was stored.
    private static string MediaTypeOf(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) && values.ToString() is { Length: > 0 } type
            ? type
            : DefaultMediaType;

    /// <summary>A download's body; disposing it releases the response and with it the connection.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream body, long count) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => count;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int length) => body.Read(buffer, offset, length);
        public override int Read(Span<byte> buffer) => body.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => body.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int length, CancellationToken cancellationToken) =>
            body.ReadAsync(buffer, offset, length, cancellationToken);

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int length) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
