using System.Diagnostics;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>Runs a command-line tool (poppler's pdfinfo, pdftotext) and returns what it printed.</summary>
public static class CommandLineTool
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (test.sh installs poppler-utils).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
