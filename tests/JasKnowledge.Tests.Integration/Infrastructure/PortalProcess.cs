using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>The portal as its own process (JasKnowledge.Web.dll), as an operator runs it: for commands,
/// start-up failures, and measurements of the process itself (memory).</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private PortalProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        _dataDirectory = dataDirectory;
    }

    public Uri Address { get; }
    public int Id => _process.Id;

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string dataDirectory, string urls, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JasKnowledge.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Jas__DataDirectory"] = dataDirectory;
        start.Environment["Urls"] = urls;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"jas-test-data-{Guid.NewGuid():N}");

    /// <summary>Runs a command (or a start that is expected to fail) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var dataDirectory = NewDataDirectory();
        try
        {
            using var process = Process.Start(StartInfo(environment, dataDirectory, "http://127.0.0.1:0", arguments))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Starts the portal on a free loopback port and waits until it answers /health/live.</summary>
    public static async Task<PortalProcess> StartAsync(IDictionary<string, string> environment, TimeSpan startTimeout)
    {
        var port = FreePort();
        var dataDirectory = NewDataDirectory();
        var process = Process.Start(StartInfo(environment, dataDirectory, $"http://127.0.0.1:{port}", []))!;
        // Drain the logs so the process never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        using var client = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The portal exited with code {process.ExitCode} while starting.");
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return portal;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await portal.DisposeAsync();
        throw new TimeoutException($"The portal did not start within {startTimeout}.");
    }

    /// <summary>The most resident memory the process has used so far (Linux: VmHWM).</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
