using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>What nginx answers itself, with deploy/nginx.conf running for real on a loopback port: a request it cannot
/// read is a 400 in the portal's words (a version it does not speak too, never a 505), a request line too long a 414,
/// a body over the limit a 413, and no node to answer a 503 that says to try again. Nothing here reaches a node, so the
/// nodes are ports where nothing listens.</summary>
public sealed class ProxyAnswersTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"jas-proxy-{Guid.NewGuid():N}");
    private readonly int _port = LoopbackPort.Free();
    private Process? _nginx;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var config = await LoopbackProxy.WriteConfigAsync(ComposeFileTests.Repository(), _folder, LoopbackPort.Free(), LoopbackPort.Free(), _port);
        var start = new ProcessStartInfo(LoopbackProxy.Nginx) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", Path.Combine(_folder, "error.log"), "-c", config, "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        _nginx = Process.Start(start)!;
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", _port);
                return;
            }
            catch (SocketException) when (waited < 10_000 && !_nginx.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }
        _nginx?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Sends <paramref name="head"/> as written (request line and headers) and reads the whole answer.</summary>
    private async Task<(int Status, string Headers, string Body)> SendAsync(string head)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n"));
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, text);
        return (int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[..split], text[(split + 4)..]);
    }

    [Theory]
    [InlineData("GET /nl HTTP/2.0")]   // HTTP/2 written as text: nginx's own answer was 505
    [InlineData("GET /nl HTTP/3.0")]
    [InlineData("HEAD /nl HTTP/2.0")]
    [InlineData("GET /nl FOO/1.1")]
    [InlineData("GET /nl HTTP/1.1x")]
    [InlineData("GET nl HTTP/1.1")]
    public async Task A_request_nginx_cannot_read_is_a_400_in_the_portals_words_never_a_5xx(string requestLine)
    {
        var (status, headers, body) = await SendAsync($"{requestLine}\r\nHost: portaal.example\r\nConnection: close\r\n");
        Assert.Equal(400, status);
        Assert.Contains("Content-Security-Policy: default-src 'none'", headers);
        if (!requestLine.StartsWith("HEAD", StringComparison.Ordinal))
        {
            Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", body);
            Assert.Contains("<p lang=\"en\">The server could not read this request.", body);
        }
    }

    [Fact]
    public async Task A_header_too_large_a_request_line_too_long_and_a_body_over_the_limit_each_say_what_to_do()
    {
        var header = await SendAsync($"GET /nl HTTP/1.1\r\nHost: portaal.example\r\nX-Lang: {new string('y', 140_000)}\r\nConnection: close\r\n");
        Assert.Equal(400, header.Status);
        Assert.Contains("Dit verzoek is niet te lezen", header.Body);

        var line = await SendAsync($"GET /nl/zoeken?q={new string('x', 530_000)} HTTP/1.1\r\nHost: portaal.example\r\nConnection: close\r\n");
        Assert.Equal(414, line.Status);
        Assert.Contains("<h1>Dit adres is te lang</h1>", line.Body);

        // nginx refuses on the announced length, before a byte of the body.
        var body = await SendAsync("POST /nl/zoeken HTTP/1.1\r\nHost: portaal.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 11000000\r\nConnection: close\r\n");
        Assert.Equal(413, body.Status);
        Assert.Contains("<h1>Wat u stuurde is te groot</h1>", body.Body);
        Assert.Contains("Er is niets opgeslagen.", body.Body);
    }

    [Fact]
    public async Task Without_a_node_to_answer_the_visitor_is_told_to_try_again_and_the_proxys_own_pages_are_not_addresses()
    {
        var down = await SendAsync("GET /nl HTTP/1.1\r\nHost: portaal.example\r\nConnection: close\r\n");
        Assert.Equal(503, down.Status);
        Assert.Contains("Retry-After: 30", down.Headers);
        Assert.Contains("<h1>Het portaal is even niet bereikbaar</h1>", down.Body);
        Assert.Contains("ga dan terug en verstuur het nog een keer", down.Body);

        var direct = await SendAsync("GET /_nginx/unreadable HTTP/1.1\r\nHost: portaal.example\r\nConnection: close\r\n");
        Assert.Equal(404, direct.Status);
    }
}
