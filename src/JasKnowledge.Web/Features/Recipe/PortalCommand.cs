using JasKnowledge.Data.Recipe;

namespace JasKnowledge.Web.Features.Recipe;

/// <summary>
/// The commands the portal's executable understands besides serving:
/// <c>import [folder]</c> (the content folder, default: the shipped content) and <c>export folder</c>.
/// </summary>
public sealed record PortalCommand(string Name, string[] Arguments)
{
    private static readonly string[] Names = ["import", "export"];

    /// <summary>Splits the command (if any) from the arguments meant for the web host.</summary>
    public static (PortalCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0])) return (null, args);
        var own = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return (new PortalCommand(args[0], own), args.Skip(1 + own.Length).ToArray());
    }

    public async Task<int> RunAsync(IServiceProvider services, string defaultContentFolder, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
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
            default:
                return 2;
        }
    }
}
