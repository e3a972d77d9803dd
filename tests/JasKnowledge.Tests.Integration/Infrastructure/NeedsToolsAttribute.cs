namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>A test that runs programs of a Debian package: skipped, with the reason, only where they are
/// not installed (test.sh installs them, so CI runs it).</summary>
public sealed class NeedsToolsAttribute : FactAttribute
{
    public NeedsToolsAttribute(params string[] tools)
    {
        var missing = tools.Where(t => Find(t) is null).ToList();
        if (missing.Count > 0) Skip = $"Not installed: {string.Join(", ", missing)} (./test.sh installs the Debian packages the tests need).";
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
}
