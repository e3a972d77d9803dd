using System.Security.Cryptography;
using System.Text;
using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>The stores are measured against each other here, and their heap use process-wide, so they
/// run alone rather than beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BlobStoreCollection
{
    public const string Name = "Blob stores";
}

/// <summary>What every IBlobStore must do, the same for the folder and for Azure.</summary>
public abstract class BlobStoreContract
{
    private const long Megabyte = 1024 * 1024;

    protected abstract IBlobStore Store { get; }

    [Fact]
    public async Task Put_then_get_returns_the_same_bytes_and_media_type()
    {
        var bytes = Sample(3000);

        var stored = await Store.PutAsync("note.md", new MemoryStream(bytes), "text/markdown; charset=utf-8");

        Assert.Equal(new BlobProperties("note.md", 3000, "text/markdown; charset=utf-8"), stored);
        await using var blob = await Store.GetAsync("note.md");
        Assert.NotNull(blob);
        Assert.Equal(new BlobProperties("note.md", 3000, "text/markdown; charset=utf-8"), blob.Properties);
        Assert.Equal(0, blob.Offset);
        Assert.Equal(3000, blob.Count);
        Assert.Equal(bytes, await ReadAllAsync(blob));
    }

    [Fact]
    public async Task Head_returns_length_and_media_type()
    {
        await Store.PutAsync("picture.png", new MemoryStream(Sample(1234)), "image/png");

        Assert.Equal(new BlobProperties("picture.png", 1234, "image/png"), await Store.HeadAsync("picture.png"));
    }

    [Fact]
    public async Task Head_and_get_of_a_missing_key_return_null()
    {
        Assert.Null(await Store.HeadAsync("missing.bin"));
        Assert.Null(await Store.GetAsync("missing.bin"));
        Assert.Null(await Store.GetAsync("missing.bin", new ByteRange(0, 9)));
    }

    [Theory]
    [InlineData(0L, 9L, 0L, 10L)]        // the first bytes
    [InlineData(100L, 199L, 100L, 100L)] // the middle
    [InlineData(990L, null, 990L, 10L)]  // open-ended: to the end
    [InlineData(995L, 5000L, 995L, 5L)]  // ending past the end: clamped
    [InlineData(999L, 999L, 999L, 1L)]   // the last byte alone
    [InlineData(1000L, null, 1000L, 0L)] // starting at the end: nothing
    public async Task A_byte_range_yields_exactly_those_bytes(long from, long? to, long offset, long count)
    {
        var bytes = Sample(1000);
        await Store.PutAsync("ranged.bin", new MemoryStream(bytes), "application/octet-stream");

        await using var blob = await Store.GetAsync("ranged.bin", new ByteRange(from, to));

        Assert.NotNull(blob);
        Assert.Equal(offset, blob.Offset);
        Assert.Equal(count, blob.Count);
        Assert.Equal(1000, blob.Properties.Length);
        Assert.Equal("application/octet-stream", blob.Properties.MediaType);
        Assert.Equal(bytes.AsSpan((int)offset, (int)count).ToArray(), await ReadAllAsync(blob));
    }

    [Fact]
    public async Task List_returns_exactly_the_stored_keys_in_ordinal_order()
    {
        Assert.Empty(await ListAsync());
        await Store.PutAsync("b-2.txt", new MemoryStream(Sample(2)), "text/plain");
        await Store.PutAsync("a-10.txt", new MemoryStream(Sample(10)), "text/plain");
        await Store.PutAsync("b-1.json", new MemoryStream(Sample(1)), "application/json");

        Assert.Equal(
            [new("a-10.txt", 10, "text/plain"), new("b-1.json", 1, "application/json"), new("b-2.txt", 2, "text/plain")],
            await ListAsync());
        Assert.Equal([new("b-1.json", 1, "application/json"), new("b-2.txt", 2, "text/plain")], await ListAsync("b-"));
        Assert.Equal([new BlobProperties("a-10.txt", 10, "text/plain")], await ListAsync("a"));
        Assert.Empty(await ListAsync("c"));
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_says_whether_there_was_one()
    {
        await Store.PutAsync("doomed.txt", new MemoryStream(Sample(10)), "text/plain");
        await Store.PutAsync("kept.txt", new MemoryStream(Sample(10)), "text/plain");

        Assert.True(await Store.DeleteAsync("doomed.txt"));
        Assert.False(await Store.DeleteAsync("doomed.txt"));

        Assert.Null(await Store.HeadAsync("doomed.txt"));
        Assert.Null(await Store.GetAsync("doomed.txt"));
        Assert.Equal(["kept.txt"], (await ListAsync()).Select(blob => blob.Key));
    }

    [Fact]
    public async Task Put_over_an_existing_key_replaces_content_and_media_type()
    {
        await Store.PutAsync("page.txt", new MemoryStream(Sample(5000)), "text/plain");
        var replacement = Encoding.UTF8.GetBytes("{\"replaced\":true}");

        await Store.PutAsync("page.txt", new MemoryStream(replacement), "application/json");

        await using var blob = await Store.GetAsync("page.txt");
        Assert.NotNull(blob);
        Assert.Equal(new BlobProperties("page.txt", replacement.Length, "application/json"), blob.Properties);
        Assert.Equal(replacement, await ReadAllAsync(blob));
        Assert.Equal([new BlobProperties("page.txt", replacement.Length, "application/json")], await ListAsync());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("Upper.txt")]
    [InlineData("")]
    [InlineData("a..b")]
    public async Task An_invalid_key_is_refused_by_every_operation(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream(Sample(1)), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.HeadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    [Fact]
    public async Task A_zero_length_blob_is_stored_and_read_back()
    {
        var stored = await Store.PutAsync("empty.txt", new MemoryStream(), "text/plain");

        Assert.Equal(new BlobProperties("empty.txt", 0, "text/plain"), stored);
        Assert.Equal(stored, await Store.HeadAsync("empty.txt"));
        await using (var blob = await Store.GetAsync("empty.txt"))
        {
            Assert.NotNull(blob);
            Assert.Equal(0, blob.Count);
            Assert.Empty(await ReadAllAsync(blob));
        }
        await using (var range = await Store.GetAsync("empty.txt", new ByteRange(0, null)))
        {
            Assert.NotNull(range);
            Assert.Equal(0, range.Count);
            Assert.Empty(await ReadAllAsync(range));
        }
        Assert.Equal([stored], await ListAsync());
    }

    [Fact]
    public async Task The_store_reports_itself_available()
    {
        await Store.CheckAvailableAsync();
    }

    [Fact]
    public async Task A_100_MB_upload_streams_through_in_bounded_memory()
    {
        const long size = 100 * Megabyte;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(false);
        using var source = new GeneratedStream(size);

        var stored = await Store.PutAsync("big.bin", source, "application/octet-stream");

        var heapAfter = GC.GetTotalMemory(false);
        Assert.Equal(size, source.Produced);
        Assert.Equal(size, stored.Length);
        Assert.True(source.LargestReadRequested <= 16 * Megabyte, $"The store asked for {source.LargestReadRequested} bytes in one read.");
        // Generous against GC timing on a small machine, far below the 100 MB a buffering store would hold.
        Assert.True(
            source.HeapPeak - heapBefore < 64 * Megabyte, $"The heap grew by {(source.HeapPeak - heapBefore) / Megabyte} MB during the upload.");
        Assert.True(heapAfter - heapBefore < 64 * Megabyte, $"The heap grew by {(heapAfter - heapBefore) / Megabyte} MB over the upload.");

        await using var blob = await Store.GetAsync("big.bin");
        Assert.NotNull(blob);
        Assert.Equal(size, blob.Properties.Length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long readBack = 0;
        int read;
        while ((read = await blob.Stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            readBack += read;
        }
        Assert.Equal(size, readBack);
        Assert.Equal(Convert.ToHexString(source.Sha256()), Convert.ToHexString(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task An_upload_that_fails_halfway_leaves_no_blob()
    {
        using var source = new GeneratedStream(30 * Megabyte, breakAt: 10 * Megabyte);

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync("broken.bin", source, "application/octet-stream"));

        Assert.Null(await Store.HeadAsync("broken.bin"));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task An_upload_cancelled_halfway_leaves_no_blob()
    {
        using var cancellation = new CancellationTokenSource();
        using var source = new GeneratedStream(30 * Megabyte, breakAt: 10 * Megabyte, atBreak: cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.PutAsync("cancelled.bin", source, "application/octet-stream", cancellation.Token));

        Assert.Null(await Store.HeadAsync("cancelled.bin"));
        Assert.Empty(await ListAsync());
    }

    protected static byte[] Sample(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]> ReadAllAsync(BlobContent blob)
    {
        using var copy = new MemoryStream();
        await blob.Stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected async Task<List<BlobProperties>> ListAsync(string? prefix = null)
    {
        var blobs = new List<BlobProperties>();
        await foreach (var blob in Store.ListAsync(prefix)) blobs.Add(blob);
        return blobs;
    }
}
