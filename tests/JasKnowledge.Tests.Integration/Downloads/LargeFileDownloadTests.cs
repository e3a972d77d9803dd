using System.Security.Cryptography;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Downloads;

/// <summary>
/// A 500 MB file is imported and downloaded from a real portal process, on the folder store and on
/// Azure Blob Storage (Azurite). The bound: the process's peak resident memory stays under 400 MB
/// over import and download. A server that buffered the file would need more than 500 MB for it.
/// </summary>
[Collection(PortalProcessCollection.Name)]
public sealed class LargeFileDownloadTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const long FileSize = 500L * 1024 * 1024;
    private const long MemoryBound = 400L * 1024 * 1024;

    [Fact]
    public Task A_500_MB_file_streams_from_the_folder_store_in_bounded_memory() =>
        DownloadAsync(new Dictionary<string, string>());

    [Fact]
    public Task A_500_MB_file_streams_from_azure_blob_storage_in_bounded_memory() =>
        DownloadAsync(new Dictionary<string, string>
        {
            ["Jas__Blobs__Provider"] = "Azure",
            ["Jas__Blobs__ConnectionString"] = TestServers.Azurite,
            ["Jas__Blobs__Container"] = "large-" + Guid.NewGuid().ToString("N")[..12],
        });

    private async Task DownloadAsync(Dictionary<string, string> environment)
    {
        var folder = ContentFolders.NewEmpty();
        try
        {
            var expected = await WriteLargeFileAsync(Path.Combine(folder, "groot.bin"));
            await File.WriteAllTextAsync(Path.Combine(folder, "groot-bestand.nl.asset.yml"),
                "title: Groot testbestand\nrevisions:\n  - version: \"1\"\n    file: groot.bin\n    mediaType: application/octet-stream\n    " +
                    "published: 2026-11-22\n");
            environment["Jas__ContentDirectory"] = folder;

            await using var portal = await PortalProcess.StartAsync(environment, TimeSpan.FromMinutes(4));
            using var client = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromMinutes(4) };
            using var response = await client.GetAsync("/files/nl/groot-bestand/latest", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                received += read;
            }

            Assert.Equal(FileSize, received);
            Assert.Equal(expected, Convert.ToHexStringLower(hash.GetHashAndReset()));
            var peak = portal.PeakResidentBytes();
            log.WriteLine($"Peak resident memory while importing and serving {FileSize / (1024 * 1024)} MB: {peak / (1024 * 1024)} MB.");
            Assert.True(peak < MemoryBound, $"Peak resident memory was {peak / (1024 * 1024)} MB; the bound is {MemoryBound / (1024 * 1024)} MB.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes pseudo-random bytes (not compressible, not all alike) and returns their SHA-256.</summary>
    private static async Task<string> WriteLargeFileAsync(string path)
    {
        var block = new byte[1 << 20];
        new Random(24).NextBytes(block);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = File.Create(path);
        for (var i = 0; i < FileSize / block.Length; i++)
        {
            block[0] = (byte)i;
            block[1] = (byte)(i >> 8);
            hash.AppendData(block);
            await file.WriteAsync(block);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
