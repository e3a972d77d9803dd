using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>deploy/nginx.conf running for real on a loopback port, in front of two loopback "nodes" (ports where a test
/// listens, or nothing does). Docker's names and DNS do not exist here, so the file is loaded with the nodes, logs and pid
/// file rewritten (<see cref="WriteConfigAsync"/>).</summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    public static string Nginx => Environment.GetEnvironmentVariable("JAS_TEST_NGINX") is { Length: > 0 } nginx ? nginx : "nginx";

    private readonly string _folder;
    private readonly Process _nginx;

    public int Port { get; }

    private LoopbackProxy(string folder, Process nginx, int port) => (_folder, _nginx, Port) = (folder, nginx, port);

    /// <summary>The configuration as a test can load it; with <paramref name="listen"/> on 127.0.0.1 at that port instead of 80.</summary>
    public static async Task<string> WriteConfigAsync(string repository, string folder, int nodeA, int nodeB, int? listen = null)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(repository, "deploy", "nginx.conf")))
            .Replace("web-a:8080", $"127.0.0.1:{nodeA}").Replace("web-b:8080", $"127.0.0.1:{nodeB}")
            .Replace(" resolve;", ";").Replace("resolver 127.0.0.11", "# resolver")
            .Replace("/var/log/nginx/", folder + "/").Replace("/var/run/nginx.pid", Path.Combine(folder, "nginx.pid"));
        if (listen is { } port) text = text.Replace("listen 80;", $"listen 127.0.0.1:{port};");
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, text);
        return config;
    }

    /// <summary>Starts nginx in the foreground with the repository's configuration and waits until it accepts connections.</summary>
    public static async Task<LoopbackProxy> StartAsync(string repository, int nodeA, int nodeB)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jas-proxy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = LoopbackPort.Free();
        var config = await WriteConfigAsync(repository, folder, nodeA, nodeB, port);
        var start = new ProcessStartInfo(Nginx) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", Path.Combine(folder, "error.log"), "-c", config, "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        var proxy = new LoopbackProxy(folder, Process.Start(start)!, port);
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException) when (waited < 10_000 && !proxy._nginx.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Sends <paramref name="head"/> as written (request line and headers, and a body if any) and reads the whole answer.</summary>
    public async Task<(int Status, string Headers, string Body)> SendAsync(string head)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n"));
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, text);
        return (int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[..split], text[(split + 4)..]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);   // the workers too: killed alone, the master left them running, orphaned
            await _nginx.WaitForExitAsync();
        }
        _nginx.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
