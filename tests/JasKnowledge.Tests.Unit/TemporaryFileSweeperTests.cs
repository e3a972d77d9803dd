using JasKnowledge.Data;
using JasKnowledge.Data.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Unit;

/// <summary>What a process killed during an upload leaves behind is removed at the next start once it
/// is an hour old: the folder store's partial blobs and the framework's buffered form files; finished
/// blobs and younger partials (an upload still running) stay.</summary>
public sealed class TemporaryFileSweeperTests : IDisposable
{
    private readonly string _blobs = Path.Combine(Path.GetTempPath(), $"jas-sweep-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_up_removes_partials_and_buffered_form_files_older_than_an_hour()
    {
        var store = new FolderBlobStore(_blobs);
        await using (var content = new MemoryStream("klaar"u8.ToArray())) await store.PutAsync("sha256-klaar", content, "text/plain");
        var oldPartial = Touch(Path.Combine(_blobs, $"sha256-half.{Guid.NewGuid():N}{FolderBlobStore.PartialSuffix}"), TimeSpan.FromHours(2));
        var youngPartial = Touch(Path.Combine(_blobs, $"sha256-bezig.{Guid.NewGuid():N}{FolderBlobStore.PartialSuffix}"), TimeSpan.FromMinutes(5));
        var oldBuffer = Touch(Path.Combine(TemporaryFileSweeper.FrameworkTemporaryFolder, $"ASPNETCORE_{Guid.NewGuid()}.tmp"), TimeSpan.FromHours(3));
        var otherFile = Touch(
            Path.Combine(TemporaryFileSweeper.FrameworkTemporaryFolder, $"jas-niet-van-ons-{Guid.NewGuid():N}.tmp"), TimeSpan.FromHours(3));
        try
        {
            var sweeper = new TemporaryFileSweeper(
                new Storage(new StorageOptions(), false, "Data Source=:memory:", _blobs, null, Path.Combine(_blobs, "search-index")), store,
                TimeProvider.System, NullLogger<TemporaryFileSweeper>.Instance);
            await sweeper.StartAsync(CancellationToken.None);
            await sweeper.StopAsync(CancellationToken.None);

            Assert.False(File.Exists(oldPartial));
            Assert.False(File.Exists(oldBuffer));
            Assert.True(File.Exists(youngPartial));
            Assert.True(File.Exists(otherFile));
            Assert.NotNull(await store.HeadAsync("sha256-klaar"));
        }
        finally
        {
            File.Delete(otherFile);
            File.Delete(oldBuffer);
        }
    }

    private static string Touch(string path, TimeSpan age)
    {
        File.WriteAllText(path, "half");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_blobs)) Directory.Delete(_blobs, recursive: true);
    }
}
