using System.Net.Sockets;
using System.Security.Cryptography;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Issue 8: on SIGTERM (a rolling update) a node stops taking new connections, lets downloads in
/// flight finish within the shutdown timeout, and ends the ones that would outlast it cleanly: the
/// connection closes short of Content-Length, which no client takes for a whole file.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private const int FileSize = 64 * 1024 * 1024;
    private string _folder = null!;
    private byte[] _file = null!;

    public async Task InitializeAsync()
    {
        _folder = ContentFolders.NewEmpty();
        _file = new byte[FileSize];
        new Random(8).NextBytes(_file);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "groot.bin"), _file);
        await File.WriteAllTextAsync(Path.Combine(_folder, "groot-bestand.nl.asset.yml"),
            "title: Groot testbestand\nrevisions:\n  - version: \"1\"\n    file: groot.bin\n    mediaType: application/octet-stream\n    " +
                "published: 2026-11-22\n");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<PortalProcess> StartAsync(int shutdownSeconds) => PortalProcess.StartAsync(new Dictionary<string, string>
    {
        ["Jas__ContentDirectory"] = _folder,
        ["Jas__ShutdownTimeoutSeconds"] = shutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_download_in_flight_finishes_after_SIGTERM_and_the_node_then_exits()
    {
        await using var node = await StartAsync(shutdownSeconds: 30);
        using var client = new HttpClient { BaseAddress = node.Address };
        using var response = await client.GetAsync("/files/nl/groot-bestand/latest", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        await CopyAsync(body, received, 1024 * 1024);

        var exit = node.TerminateAsync(TimeSpan.FromSeconds(40));
        await Task.Delay(1000);
        // Stopping: no new connections, while the download goes on.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => new HttpClient { BaseAddress = node.Address }.GetAsync("/health/live"));
        Assert.False(node.HasExited, "The node exited with a download in flight.");
        await CopyAsync(body, received, int.MaxValue);

        Assert.Equal(SHA256.HashData(_file), SHA256.HashData(received.ToArray()));
        Assert.Equal(0, await exit);
    }

    [Fact]
    public async Task A_download_that_outlasts_the_shutdown_timeout_is_cut_off_and_never_looks_complete()
    {
        await using var node = await StartAsync(shutdownSeconds: 2);
        using var client = new HttpClient { BaseAddress = node.Address };
        using var response = await client.GetAsync("/files/nl/groot-bestand/latest", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        await CopyAsync(body, received, 1024 * 1024);

        // The client stalls: the node waits its 2 s, then ends the connection and exits.
        Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(20)));
        var error = await Record.ExceptionAsync(() => CopyAsync(body, received, int.MaxValue));
        Assert.True(
            error is IOException or HttpRequestException or SocketException,
            $"Expected the download to break off, got {error?.GetType().Name ?? "a complete body"} after {received.Length} bytes.");
        Assert.True(received.Length < FileSize);
    }

    private static async Task CopyAsync(Stream from, Stream to, int atMost)
    {
        var buffer = new byte[64 * 1024];
        var copied = 0;
        int read;
        while (copied < atMost && (read = await from.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, atMost - copied)))) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            copied += read;
        }
    }
}
