using JasKnowledge.Core.Search;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Backup;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Data.Search;

namespace JasKnowledge.Web.Hosting.Commands;

/// <summary><c>import [FOLDER]</c>: the content folder into the database (default: the shipped content).</summary>
public sealed class ImportCommand : IPortalCommand
{
    public string Name => "import";
    public string Usage => "[FOLDER]";
    public string Summary => "import a content folder (default: the shipped content/); unchanged files change nothing";
    public int MinArguments => 0;
    public int MaxArguments => 1;

    public async Task<int> RunAsync(CommandContext context)
    {
        var folder = context.Arguments.FirstOrDefault() ?? context.ContentFolder;
        await using var scope = context.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder, context.CancellationToken);
        foreach (var problem in report.Problems) await context.Error.WriteLineAsync(problem.ToString());
        await context.Output.WriteLineAsync($"Imported {Path.GetFullPath(folder)}: {report}");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}

/// <summary><c>export FOLDER</c>: the published site back in the import format.</summary>
public sealed class ExportCommand : IPortalCommand
{
    public string Name => "export";
    public string Usage => "FOLDER";
    public string Summary => "write the published site to an empty or new folder in the content format";
    public int MinArguments => 1;
    public int MaxArguments => 1;

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var scope = context.Services.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(context.Arguments[0], context.CancellationToken);
        await context.Output.WriteLineAsync($"Exported {written} files to {Path.GetFullPath(context.Arguments[0])}.");
        return 0;
    }
}

/// <summary><c>reindex</c>: the search outbox written again from what is published (every node then
/// applies all of it), and this node's index made again from it. When a portal serving from this data
/// folder holds the index, that portal applies the changes instead, within seconds.</summary>
public sealed class ReindexCommand : IPortalCommand
{
    public string Name => "reindex";
    public string Usage => "";
    public string Summary => "rebuild the search index from what is published";
    public int MinArguments => 0;
    public int MaxArguments => 0;

    public async Task<int> RunAsync(CommandContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = context.Services.CreateAsyncScope();
        var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync("reindex", context.CancellationToken);
        await context.Output.WriteLineAsync($"Wrote {indexed} published items and file families to the search outbox.");
        try
        {
            await context.Services.GetRequiredService<SearchIndexUpdater>().RebuildAsync(context.CancellationToken);
            var count = await context.Services.GetRequiredService<ISearchIndex>().CountAsync(context.CancellationToken);
            await context.Output.WriteLineAsync($"Rebuilt this node's search index: {count} documents in {clock.Elapsed.TotalSeconds:F1} s.");
        }
        catch (IOException e)
        {
            await context.Output.WriteLineAsync($"{e.Message} The portal using it applies the new outbox rows within seconds.");
        }
        return 0;
    }
}

/// <summary><c>backup FOLDER</c>: every table and every file, with a manifest of hashes.</summary>
public sealed class BackupCommand : IPortalCommand
{
    public string Name => "backup";
    public string Usage => "FOLDER";
    public string Summary => "the whole site (every table and file, with hashes) into a new or empty folder";
    public int MinArguments => 1;
    public int MaxArguments => 1;

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var scope = context.Services.CreateAsyncScope();
        try
        {
            var manifest = await scope.ServiceProvider.GetRequiredService<SiteBackup>().WriteAsync(context.Arguments[0]);
            await context.Output.WriteLineAsync(
                $"Backed up {manifest.Tables.Sum(t => t.Rows)} rows in {manifest.Tables.Count} tables and {manifest.Blobs.Count} files " +
                $"to {Path.GetFullPath(context.Arguments[0])}. It holds password hashes and keys: keep it secret.");
            return 0;
        }
        catch (BackupException e)
        {
            await context.Error.WriteLineAsync($"Nothing was backed up: {e.Message}");
            return 1;
        }
    }
}

/// <summary><c>restore FOLDER</c>: a backup into an empty database and blob container.</summary>
public sealed class RestoreCommand : IPortalCommand
{
    public string Name => "restore";
    public string Usage => "FOLDER";
    public string Summary => "a folder written by backup into an empty database and blob container";
    public int MinArguments => 1;
    public int MaxArguments => 1;

    public async Task<int> RunAsync(CommandContext context)
    {
        await using var scope = context.Services.CreateAsyncScope();
        try
        {
            var manifest = await scope.ServiceProvider.GetRequiredService<SiteBackup>().RestoreAsync(context.Arguments[0]);
            await context.Output.WriteLineAsync(
                $"Restored {manifest.Tables.Sum(t => t.Rows)} rows in {manifest.Tables.Count} tables and {manifest.Blobs.Count} files " +
                $"from the backup of {manifest.CreatedUtc:u}, and rebuilt the search index.");
            return 0;
        }
        catch (BackupException e)
        {
            await context.Error.WriteLineAsync($"Nothing was restored: {e.Message}");
            return 1;
        }
    }
}

public static class ContentFolderCommandsSetup
{
    /// <summary>The commands that move the site in and out as files: import, export, backup, restore, reindex.</summary>
    public static IServiceCollection AddContentFolderCommands(this IServiceCollection services) =>
        services.AddCommand<ImportCommand>().AddCommand<ExportCommand>().AddCommand<BackupCommand>()
            .AddCommand<RestoreCommand>().AddCommand<ReindexCommand>();
}
