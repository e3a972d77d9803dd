using JasKnowledge.Data.Recipe;

namespace JasKnowledge.Web.Features.Recipe;

/// <summary>
/// The commands the portal's executable understands besides serving:
/// <c>import [folder]</c> (the content folder, default: the shipped content), <c>export folder</c>,
/// <c>reindex</c> (rebuilds the search index from what is published),
/// <c>demo-data</c> (fills the municipalities without sources with fictional data, see DemoData),
/// <c>create-admin EMAIL</c> and <c>add-user EMAIL ROLE [GEMEENTE]</c> (accounts of the back office;
/// the password comes from stdin when it is redirected, otherwise a one-time password is printed),
/// <c>backup folder</c> and <c>restore folder</c> (the whole site: database and files, see SiteBackup),
/// <c>edition version folder "notes"</c> (a new handbook edition, see EditionCommand) and
/// <c>sheet-files folder</c> (the PDFs of the information sheets, see SheetFilesCommand).
/// </summary>
public sealed record PortalCommand(string Name, string[] Arguments)
{
    private static readonly string[] Names = ["import", "export", "backup", "restore", "reindex", "demo-data", "create-admin", "add-user", "edition", "sheet-files"];
    /// <summary>Commands that have Chromium print pages of the portal itself, so they serve them.</summary>
    private static readonly string[] Printing = ["edition", "sheet-files"];

    /// <summary>Splits the command (if any) from the arguments meant for the web host.</summary>
    public static (PortalCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0])) return (null, args);
        var own = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var hostArgs = args.Skip(1 + own.Length).ToArray();
        // The printing commands serve their own pages to Chromium: on a free loopback port, so they
        // run next to a portal that is already listening.
        if (Printing.Contains(args[0])) hostArgs = [.. hostArgs, "--urls=http://127.0.0.1:0"];
        return (new PortalCommand(args[0], own), hostArgs);
    }

    public async Task<int> RunAsync(WebApplication app, string defaultContentFolder, TextWriter output, TextWriter error)
    {
        if (Printing.Contains(Name)) return await RunPrintingAsync(app, output, error);
        await using var scope = app.Services.CreateAsyncScope();
        switch (Name)
        {
            case "import":
                var folder = Arguments.FirstOrDefault() ?? defaultContentFolder;
                var report = await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder);
                foreach (var problem in report.Problems) await error.WriteLineAsync(problem.ToString());
                await output.WriteLineAsync($"Imported {Path.GetFullPath(folder)}: {report}");
                return report.Problems.Count == 0 ? 0 : 1;
            case "export":
                if (Arguments.Length != 1)
                {
                    await error.WriteLineAsync("Usage: export FOLDER (an empty or new folder to write the content to).");
                    return 2;
                }
                var written = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(Arguments[0]);
                await output.WriteLineAsync($"Exported {written} files to {Path.GetFullPath(Arguments[0])}.");
                return 0;
            case "backup" or "restore" when Arguments.Length == 1:
                return await BackupAsync(scope.ServiceProvider.GetRequiredService<Data.Backup.SiteBackup>(), Arguments[0], output, error);
            case "backup" or "restore":
                await error.WriteLineAsync($"Usage: {Name} FOLDER ({(Name == "backup" ? "a new or empty folder to write the backup to" : "a folder written by backup; the database and blob container must be empty")}).");
                return 2;
            case "reindex":
                var indexed = await scope.ServiceProvider.GetRequiredService<Data.Search.SearchIndexer>().RebuildAsync();
                await output.WriteLineAsync($"Indexed {indexed} published items and file families for search.");
                return 0;
            case "demo-data":
                var demo = await scope.ServiceProvider.GetRequiredService<Programmes.DemoData>().GenerateAsync();
                if (demo.Problem is not null)
                {
                    await error.WriteLineAsync(demo.Problem);
                    return 1;
                }
                await output.WriteLineAsync($"Wrote fictional records for {demo.Created} municipalities; {demo.Skipped} with a record were left as they are. Pages and exports mark them as fictional.");
                return 0;
            case "create-admin" when Arguments.Length == 1:
                return await CreateAccountAsync(scope.ServiceProvider, Arguments[0], Data.Accounts.PortalRoles.Administrator, null, output, error);
            case "add-user" when Arguments.Length is 2 or 3:
                return await CreateAccountAsync(scope.ServiceProvider, Arguments[0], Arguments[1], Arguments.ElementAtOrDefault(2), output, error);
            case "create-admin" or "add-user":
                await error.WriteLineAsync("Usage: create-admin EMAIL | add-user EMAIL ROLE [GEMEENTE] (roles: " + string.Join(", ", Data.Accounts.PortalRoles.All) + ").");
                return 2;
            default:
                return 2;
        }
    }

    private async Task<int> BackupAsync(Data.Backup.SiteBackup backup, string folder, TextWriter output, TextWriter error)
    {
        try
        {
            var manifest = Name == "backup" ? await backup.WriteAsync(folder) : await backup.RestoreAsync(folder);
            var rows = manifest.Tables.Sum(t => t.Rows);
            await output.WriteLineAsync(Name == "backup"
                ? $"Backed up {rows} rows in {manifest.Tables.Count} tables and {manifest.Blobs.Count} files to {Path.GetFullPath(folder)}. It holds password hashes and keys: keep it secret."
                : $"Restored {rows} rows in {manifest.Tables.Count} tables and {manifest.Blobs.Count} files from the backup of {manifest.CreatedUtc:u}, and rebuilt the search index.");
            return 0;
        }
        catch (Data.Backup.BackupException e)
        {
            await error.WriteLineAsync($"Nothing was {(Name == "backup" ? "backed up" : "restored")}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> CreateAccountAsync(IServiceProvider services, string email, string role, string? gemeente, TextWriter output, TextWriter error)
    {
        // A password piped in (for automation) is used as given; otherwise a random one is shown once.
        var password = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.Trim() : null;
        var (user, generated, problems) = await services.GetRequiredService<Data.Accounts.AccountCommands>().CreateAsync(email, role, gemeente, string.IsNullOrEmpty(password) ? null : password);
        foreach (var problem in problems) await error.WriteLineAsync(problem);
        if (user is null) return 1;
        await output.WriteLineAsync($"Created {role} {email}{(gemeente is null ? "" : $" for municipality {gemeente}")}.");
        if (generated is not null) await output.WriteLineAsync($"One-time password (choose a new one at the first sign-in at /beheer/inloggen): {generated}");
        return 0;
    }

    private async Task<int> RunPrintingAsync(WebApplication app, TextWriter output, TextWriter error)
    {
        await app.StartAsync();
        try
        {
            return Name == "edition"
                ? await new Handbook.EditionCommand(app.Services, app.Configuration, output, error).RunAsync(Arguments)
                : await new InfoSheets.SheetFilesCommand(app.Services, app.Configuration, output, error).RunAsync(Arguments);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"Nothing was made: {e.Message}");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
