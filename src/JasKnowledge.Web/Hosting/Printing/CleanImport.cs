using JasKnowledge.Data.Recipe;

namespace JasKnowledge.Web.Hosting.Printing;

/// <summary>The printing commands first import the content folder: files are only made from content
/// that imports without problems, so a file never shows text the site does not.</summary>
public static class CleanImport
{
    /// <param name="what">What the command makes, for the message: "an edition is", "sheet files are".</param>
    public static async Task<bool> RunAsync(IServiceProvider scope, string folder, string what, TextWriter error, CancellationToken cancellationToken)
    {
        var report = await scope.GetRequiredService<RecipeImporter>().ImportAsync(folder, cancellationToken);
        if (report.Problems.Count == 0) return true;
        foreach (var problem in report.Problems) await error.WriteLineAsync(problem.ToString());
        await error.WriteLineAsync($"Fix the content first: {what} made from content that imports cleanly.");
        return false;
    }
}
