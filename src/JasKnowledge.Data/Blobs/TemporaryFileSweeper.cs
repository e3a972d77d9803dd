using JasKnowledge.Core.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Data.Blobs;

/// <summary>
/// A process killed during an upload leaves half-written files: the framework's buffered form file
/// (<c>ASPNETCORE_*.tmp</c> in ASPNETCORE_TEMP or the system's temporary folder; point ASPNETCORE_TEMP at
/// a folder of the portal's own in production) and, in the folder store, the blob's <c>.partial</c>.
/// At start-up and every hour those older than an hour are removed: no upload runs that long without
/// writing. Azure needs no sweep: blocks of an upload that never committed expire by themselves.
/// </summary>
public sealed class TemporaryFileSweeper(Storage storage, IBlobStore blobs, TimeProvider clock, ILogger<TemporaryFileSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    /// <summary>Where ASP.NET Core buffers large form files (its own rule: ASPNETCORE_TEMP, else the
    /// system's temporary folder).</summary>
    public static string FrameworkTemporaryFolder => Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } folder ? folder
        : Path.GetTempPath();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Sweep();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(MaxAge, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Sweep();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Removes what is older than <see cref="MaxAge"/>; returns how many files.</summary>
    public int Sweep()
    {
        var before = clock.GetUtcNow().UtcDateTime - MaxAge;
        var removed = RemoveOlder(FrameworkTemporaryFolder, "ASPNETCORE_*.tmp", before);
        if (blobs is FolderBlobStore) removed += RemoveOlder(storage.BlobFolder, "*" + FolderBlobStore.PartialSuffix, before);
        if (removed > 0) logger.LogInformation("Removed {Count} unfinished upload files older than an hour.", removed);
        return removed;
    }

    private int RemoveOlder(string folder, string pattern, DateTime before)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, pattern))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) >= before) continue;
                File.Delete(file);
                removed++;
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove {File}", file);
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "Could not remove {File}", file);
            }
        }
        return removed;
    }
}
