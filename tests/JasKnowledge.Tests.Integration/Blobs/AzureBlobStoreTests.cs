using System.Collections.Concurrent;
using System.Net;
using Azure.Core.Pipeline;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data;
using JasKnowledge.Data.Blobs;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>The contract against Azurite (started by ./test.sh), each test in a fresh container, plus
/// what only Azure has: SAS tokens, paged listings and refusals from the service.</summary>
[Collection(BlobStoreCollection.Name)]
public sealed class AzureBlobStoreTests : BlobStoreContract, IAsyncLifetime
{
    // Read first: without Azurite every test here fails with this message instead of skipping.
    private readonly string _connectionString = Azurite.ConnectionString;
    private readonly string _container = "test-" + Guid.NewGuid().ToString("N");

    public AzureBlobStoreTests() => Store = StoreFor(Azurite.ConnectionStringSettings(_connectionString, _container));

    protected override IBlobStore Store { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Azurite.DeleteContainerAsync(_container);

    private static AzureBlobStore StoreFor(StorageOptions.BlobSettings settings, HttpClient? http = null)
    {
        var options = AzureBlobConnection.DefaultOptions();
        if (http is not null) options.Transport = new HttpClientTransport(http);
        return new AzureBlobStore(AzureBlobConnection.Create(settings, options));
    }

    [Fact]
    public async Task A_container_sas_reads_and_writes_a_container_made_by_the_account()
    {
        await Store.CheckAvailableAsync();
        var sasStore = StoreFor(Azurite.SasSettings(Azurite.ContainerSas(_container, "racwdl"), _container));
        var bytes = Sample(20_000);

        await sasStore.CheckAvailableAsync();
        await sasStore.PutAsync("through-sas.bin", new MemoryStream(bytes), "image/webp");

        await using (var blob = await sasStore.GetAsync("through-sas.bin", new ByteRange(10, 19)))
        {
            Assert.NotNull(blob);
            Assert.Equal(bytes[10..20], await ReadAllAsync(blob));
        }
        Assert.Equal(new BlobProperties("through-sas.bin", 20_000, "image/webp"), await Store.HeadAsync("through-sas.bin"));
        Assert.True(await sasStore.DeleteAsync("through-sas.bin"));
        Assert.Null(await Store.HeadAsync("through-sas.bin"));
    }

    [Fact]
    public async Task An_account_sas_creates_the_container_and_round_trips_a_blob()
    {
        var sasStore = StoreFor(Azurite.ConnectionStringSettings(Azurite.SasConnectionString(Azurite.AccountSas("rwdlac")), _container));
        var bytes = Sample(5 * 1024 * 1024 + 7);

        var stored = await sasStore.PutAsync("account-sas.bin", new MemoryStream(bytes), "application/pdf");

        Assert.Equal(new BlobProperties("account-sas.bin", bytes.Length, "application/pdf"), stored);
        await using var blob = await sasStore.GetAsync("account-sas.bin");
        Assert.NotNull(blob);
        Assert.Equal(bytes, await ReadAllAsync(blob));
        Assert.Equal([stored], await ListAsync());
    }

    [Fact]
    public async Task A_listing_follows_next_markers_across_pages()
    {
        var handler = new RecordingHandler(listPageSize: 2);
        using var http = new HttpClient(handler);
        // With a SAS the query is not signed, so the handler may shrink the pages to two blobs each.
        var store = StoreFor(Azurite.SasSettings(Azurite.AccountSas("rwdlac"), _container), http);
        string[] keys = ["e.txt", "a.txt", "d.txt", "b.txt", "c.txt"];
        foreach (var key in keys) await store.PutAsync(key, new MemoryStream(Sample(3)), "text/plain");

        var listed = new List<string>();
        await foreach (var blob in store.ListAsync()) listed.Add(blob.Key);

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        Assert.Equal(3, handler.Requests.Count(request => request.StartsWith("GET ?restype=container&comp=list", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_first_calls_create_the_container_once()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);
        var store = StoreFor(Azurite.ConnectionStringSettings(_connectionString, _container), http);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.PutAsync($"parallel-{i}.txt", new MemoryStream(Sample(100 + i)), "text/plain")));

        Assert.Equal(1, handler.Requests.Count(request => request.StartsWith("PUT ?restype=container", StringComparison.Ordinal)));
        Assert.Equal(8, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_range_starting_past_the_end_yields_no_bytes()
    {
        await Store.PutAsync("short.bin", new MemoryStream(Sample(100)), "application/octet-stream");

        await using var blob = await Store.GetAsync("short.bin", new ByteRange(150, 199));

        Assert.NotNull(blob);
        Assert.Equal(new BlobProperties("short.bin", 100, "application/octet-stream"), blob.Properties);
        Assert.Equal(150, blob.Offset);
        Assert.Equal(0, blob.Count);
        Assert.Empty(await ReadAllAsync(blob));
    }

    [Fact]
    public async Task A_refusal_carries_status_and_error_code_but_not_the_key()
    {
        const string wrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=";
        var store = StoreFor(Azurite.ConnectionStringSettings(
            $"AccountName=devstoreaccount1;AccountKey={wrongKey};BlobEndpoint={Azurite.ServiceUri.AbsoluteUri}", _container));

        var error = await Assert.ThrowsAsync<BlobStoreException>(() => store.CheckAvailableAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        Assert.Contains(error.ErrorCode, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey[..12], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_sas_is_not_repeated_in_the_error()
    {
        var sas = Azurite.ContainerSas(_container, "racwdl").Replace("sig=", "sig=x", StringComparison.Ordinal);
        var store = StoreFor(Azurite.SasSettings(sas, _container));

        var error = await Assert.ThrowsAsync<BlobStoreException>(() => store.PutAsync("a.txt", new MemoryStream(Sample(3)), "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.DoesNotContain("sig=", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_account_fails_the_availability_check()
    {
        var store = StoreFor(Azurite.ConnectionStringSettings(
            "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;AccountName=devstoreaccount1;AccountKey=" +
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", _container));

        var error = await Assert.ThrowsAsync<BlobStoreException>(() => store.CheckAvailableAsync());

        Assert.Null(error.StatusCode);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Records each request as "METHOD ?query"; optionally asks for small listing pages.</summary>
    private sealed class RecordingHandler(int? listPageSize = null) : DelegatingHandler(new SocketsHttpHandler())
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            Requests.Enqueue($"{request.Method} {uri.Query}");
            if (listPageSize is { } size && uri.Query.Contains("comp=list", StringComparison.Ordinal))
            {
                request.RequestUri = new Uri($"{uri.AbsoluteUri}&maxresults={size}");
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
