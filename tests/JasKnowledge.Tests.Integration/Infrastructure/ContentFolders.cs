namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>Temporary copies of the shipped content folder to change in a test.</summary>
public static class ContentFolders
{
    /// <summary>The content folder the build ships next to the portal (a copy of the repository's content/).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "content");

    public static string CopyOfShipped()
    {
        var target = NewEmpty();
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public static string NewEmpty()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jas-content-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
