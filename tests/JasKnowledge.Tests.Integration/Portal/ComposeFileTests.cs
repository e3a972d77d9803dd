using System.Diagnostics;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>No Docker engine runs here, but docker-compose can still validate the file it would run.</summary>
public sealed class ComposeFileTests
{
    private static string Repository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "JasKnowledge.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (JasKnowledge.sln) was not found above the test folder.");
    }

    [Fact]
    public async Task The_compose_file_is_valid_and_describes_web_postgres_and_azurite()
    {
        var root = Repository();
        var start = new ProcessStartInfo("docker-compose", "-f docker-compose.yml config -q")
        {
            WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker-compose could not be started: run the tests through ./test.sh, which installs it.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"docker-compose config -q failed: {error}");
        var text = await File.ReadAllTextAsync(Path.Combine(root, "docker-compose.yml"));
        Assert.Contains("  web:", text);
        Assert.Contains("  postgres:", text);
        Assert.Contains("  azurite:", text);
        Assert.Contains("condition: service_healthy", text);
    }
}
