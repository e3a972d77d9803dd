using System.Diagnostics;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>Runs a command-line tool (poppler's pdfinfo and pdftotext, docker-compose, nginx, PostgreSQL's
/// pg_ctl) and returns what it printed.</summary>
public static class CommandLineTool
{
    /// <summary>Runs the tool and requires it to succeed; returns its standard output.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var (exitCode, output, error) = await ExecuteAsync(tool, null, arguments);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {exitCode}: {output}{error}");
        return output;
    }

    /// <summary>Runs the tool to its end, whatever its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> ExecuteAsync(
        string tool, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} did not start: run the tests through ./test.sh, which installs it.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
