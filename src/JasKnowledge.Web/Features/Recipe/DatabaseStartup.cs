using JasKnowledge.Data;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Recipe;

/// <summary>Brings the database up to date at start-up, and on the very first start fills it from
/// the shipped content folder, so that `dotnet run` alone gives a working portal.</summary>
public static class DatabaseStartup
{
    /// <summary>Applies the migrations. A database that cannot be reached ends the process with one
    /// line that names the setting to fix, instead of a stack trace.</summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        Storage storage;
        JasDbContext db;
        try
        {
            storage = scope.ServiceProvider.GetRequiredService<Storage>();
            // Settings that are wrong in themselves (not just unreachable) are found here.
            _ = scope.ServiceProvider.GetRequiredService<Core.Localization.CultureCatalog>();
            db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        }
        catch (Exception e) when (e is StartupException or InvalidOperationException)
        {
            await error.WriteLineAsync($"JasKnowledge cannot start: {e.Message}");
            return false;
        }
        try
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // Readers do not wait for a writer (an editor publishing while visitors read).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync(
                $"JasKnowledge cannot open its {storage.Options.Database.Provider} database: {FirstLine(e)} " +
                $"Check {StorageOptions.ConnectionStringSetting} (env ConnectionStrings__Jas) and {StorageOptions.DatabaseSetting}.");
            return false;
        }
    }

    /// <summary>Imports the content folder when the database holds no content yet.</summary>
    public static async Task ImportOnFirstStartAsync(IServiceProvider services, string contentFolder)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        if (await db.ContentItems.AnyAsync() || await db.Assets.AnyAsync()) return;
        await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(contentFolder);
    }

    /// <summary>Fills the search index when it does not hold what is published: the first start after
    /// the index was added, or after rows were lost. Normal publishing keeps it current by itself.</summary>
    public static async Task EnsureSearchIndexAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
        if (!await indexer.IsCompleteAsync()) await indexer.RebuildAsync();
    }

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is InvalidOperationException) inner = inner.InnerException;
        var line = inner.Message.Split('\n')[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
