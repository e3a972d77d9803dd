namespace JasKnowledge.Tests.Unit;

/// <summary>The source documents about the method (../shared/seeds beside the repository, also in CI).</summary>
internal static class SeedDocuments
{
    public static string Folder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JasKnowledge.sln"))) folder = folder.Parent;
        var root = folder?.FullName
            ?? throw new InvalidOperationException("The repository root (JasKnowledge.sln) was not found above the test folder.");
        var seeds = Path.Combine(root, "..", "shared", "seeds");
        Assert.True(Directory.Exists(seeds), $"The source documents are not at {seeds}.");
        return seeds;
    }
}
