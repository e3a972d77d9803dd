using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>The portal as its own process (JasKnowledge.Web.dll), as an operator runs it: for commands,
/// start-up failures, several nodes on one database, and measurements of the process itself (memory).</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _log = new();

    private readonly bool _ownsData;

    private PortalProcess(Process process, Uri address, string dataDirectory, bool ownsData = true)
    {
        _process = process;
        Address = address;
        _dataDirectory = dataDirectory;
        _ownsData = ownsData;
    }

    public string DataDirectory => _dataDirectory;

    public Uri Address { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string dataDirectory, string urls, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JasKnowledge.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Jas__DataDirectory"] = dataDirectory;
        start.Environment["Urls"] = urls;
        start.Environment["Jas__PublicBaseUrl"] = urls;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"jas-test-data-{Guid.NewGuid():N}");

    /// <summary>Runs a command (or a start that is expected to fail) to its end. A command still running
    /// after the time limit is killed and reported with what it wrote, instead of leaving a process that
    /// writes into a folder the test is deleting.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var dataDirectory = NewDataDirectory();
        try
        {
            using var process = Process.Start(StartInfo(environment, dataDirectory, "http://127.0.0.1:0", arguments))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // Generous: commands that print PDFs with Chromium run next to the whole suite on two cores.
            var limit = TimeSpan.FromMinutes(6);
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException(
                    $"`{string.Join(' ', arguments)}` did not end within {limit.TotalMinutes} minutes.\n{await output}\n{await error}");
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            DeleteQuietly(dataDirectory);
        }
    }

    /// <summary>Removes a test's data folder; a child process (Chromium) that is still closing may add a
    /// file while it goes, so it tries again, and a folder left in the temporary directory fails no test.</summary>
    private static void DeleteQuietly(string directory)
    {
        for (var attempt = 1; Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>Starts the portal on a free loopback port without waiting for it.</summary>
    public static PortalProcess Launch(IDictionary<string, string> environment) => Launch(environment, NewDataDirectory(), ownsData: true);

    /// <summary>Starts the portal on a data folder the caller keeps (a node that restarts on its own
    /// disk): disposing the process leaves the folder.</summary>
    public static PortalProcess Launch(IDictionary<string, string> environment, string dataDirectory) =>
        Launch(environment, dataDirectory, ownsData: false);

    private static PortalProcess Launch(IDictionary<string, string> environment, string dataDirectory, bool ownsData)
    {
        var port = LoopbackPort.Free();
        var process = new Process { StartInfo = StartInfo(environment, dataDirectory, $"http://127.0.0.1:{port}", []) };
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory, ownsData);
        // Drain the logs so the process never blocks on a full pipe, and keep them for messages.
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>Starts the portal on a free loopback port and waits until it answers /health/live.</summary>
    public static async Task<PortalProcess> StartAsync(IDictionary<string, string> environment, TimeSpan startTimeout)
    {
        var portal = Launch(environment);
        try
        {
            await portal.WaitUntilLiveAsync(startTimeout);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    public async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} while starting:\n{Log}");
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The portal did not start within {timeout}:\n{Log}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Asks the portal to stop as an orchestrator does (SIGTERM) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        const int sigterm = 15;
        if (SendSignal(_process.Id, sigterm) != 0) throw new InvalidOperationException($"kill failed: {Marshal.GetLastPInvokeError()}");
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The most resident memory the process has used so far (Linux: VmHWM).</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }


    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_ownsData && Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
