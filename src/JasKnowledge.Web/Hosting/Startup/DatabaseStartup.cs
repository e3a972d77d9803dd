using JasKnowledge.Core.Blobs;
using JasKnowledge.Data;
using JasKnowledge.Data.Blobs;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Data.Search;
using JasKnowledge.Data.Startup;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Hosting.Startup;

/// <summary>Brings the database up to date at start-up, and on the very first start fills it from
/// the shipped content folder, so that `dotnet run` alone gives a working portal. With several nodes
/// starting at once, one does this under the start-up lock while the others wait (issue 8).</summary>
public static class DatabaseStartup
{
    /// <summary>Migrates; then, when <paramref name="contentFolder"/> is given (serving, not a command),
    /// the first import and the search index. A database that cannot be reached ends the process with
    /// one line that names the setting to fix, instead of a stack trace.</summary>
    public static async Task<bool> RunAsync(IServiceProvider services, string? contentFolder, TextWriter error)
    {
        Storage storage;
        try
        {
            storage = services.GetRequiredService<Storage>();
            // Settings that are wrong in themselves (not just unreachable) are found here.
            _ = services.GetRequiredService<Core.Localization.CultureCatalog>();
            _ = services.GetRequiredService<Theme.PublicOrigin>();
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
            _ = services.GetRequiredService<Telemetry.TelemetrySettings>();
            // A feature's settings registered with ValidateOnStart: read here, so that a wrong one gets this one line too.
            services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (e is StartupException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await error.WriteLineAsync($"JasKnowledge cannot start: {e.Message}");
            return false;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        try
        {
            await using (await StartupLock.AcquireAsync(
                storage, () => logger.LogInformation("Another node is migrating or importing; waiting for it.")))
            {
                await MigrateAsync(services);
                if (contentFolder is not null)
                {
                    await WarnWhenBlobStoreIsUnreachableAsync(services, storage, logger);
                    await ImportOnFirstStartAsync(services, contentFolder, logger);
                    await EnsureSearchIndexAsync(services, logger);
                }
            }
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException or TimeoutException
            or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync(
                $"JasKnowledge cannot open its {storage.Options.Database.Provider} database: {FirstLine(e)} " +
                $"Check {StorageOptions.ConnectionStringSetting} (env ConnectionStrings__Jas) and {StorageOptions.DatabaseSetting}.");
            return false;
        }
    }

    /// <summary>An unreachable store does not stop the node (pages that need no file still render, and
    /// /health/ready says 503 until the store answers), but the operator reads at start which setting to check.</summary>
    private static async Task WarnWhenBlobStoreIsUnreachableAsync(IServiceProvider services, Storage storage, ILogger logger)
    {
        if (storage.AzureBlobs is null) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await services.GetRequiredService<IBlobStore>().CheckAvailableAsync(timeout.Token);
        }
        catch (Exception e) when (e is BlobStoreException or OperationCanceledException)
        {
            var settings = storage.AzureBlobs.Authentication switch
            {
                AzureBlobAuthentication.ConnectionString => AzureBlobConnection.ConnectionStringSetting,
                AzureBlobAuthentication.SharedAccessSignature => $"{AzureBlobConnection.ServiceUriSetting} and {AzureBlobConnection.SasSetting}",
                _ => $"{AzureBlobConnection.ServiceUriSetting} and the node's managed identity (role Storage Blob Data Contributor)",
            };
            logger.LogWarning(
                "The Azure blob store does not answer ({Problem}): check {Settings} and {Container}. "
                + "The node serves pages but reports not ready until it does.",
                e is BlobStoreException ? e.Message : "no answer within 10 seconds", settings, AzureBlobConnection.ContainerSetting);
        }
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        // A database made before the migrations came from `dotnet ef` takes the generated baseline first.
        await Data.Migrations.HandWrittenMigrations.AdoptAsync(db);
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers do not wait for a writer (an editor publishing while visitors read).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>Imports the content folder until one import has run to its end with every file in. A node killed
    /// half-way leaves whole files only (each is its own transaction), and files the blob store or the database did not
    /// take (an outage at the first start) are not given up: the next start imports again, and what is already in stays as
    /// it is (an editor may have changed it since), so only the rest comes in.</summary>
    private static async Task ImportOnFirstStartAsync(IServiceProvider services, string contentFolder, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        if (await db.StartupSteps.AnyAsync(s => s.Name == StartupStep.FirstImport)) return;
        var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(contentFolder, newItemsOnly: true);
        if (report.NotImported.Count > 0)
        {
            logger.LogWarning(
                "The first import is not complete: {Count} files could not be imported ({Files}); the next start imports them.",
                report.NotImported.Count, string.Join(", ", report.NotImported.Take(5)) + (report.NotImported.Count > 5 ? ", …" : ""));
            return;
        }
        db.StartupSteps.Add(new StartupStep { Name = StartupStep.FirstImport, CompletedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>Fills the search index when it does not hold what is published: the first start after
    /// the index was added, or after rows were lost. Normal publishing keeps it current by itself.</summary>
    private static async Task EnsureSearchIndexAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
        if (await indexer.IsCompleteAsync()) return;
        var written = await indexer.RebuildAsync();
        // Every node applies all of it: an operator sees why the indexes are busy after an upgrade.
        logger.LogInformation(
            "The search outbox did not hold every published document in its current form; written again from what is published ({Count} documents).",
            written);
    }

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is InvalidOperationException) inner = inner.InnerException;
        var line = inner.Message.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
