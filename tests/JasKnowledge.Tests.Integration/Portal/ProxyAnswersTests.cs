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
    private LoopbackProxy _proxy = null!;

    public async Task InitializeAsync() =>
        _proxy = await LoopbackProxy.StartAsync(ComposeFileTests.Repository(), LoopbackPort.Free(), LoopbackPort.Free());

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private Task<(int Status, string Headers, string Body)> SendAsync(string head) => _proxy.SendAsync(head);

    [Theory]
    [InlineData("GET /nl HTTP/2.0")]   // HTTP/2 written as text: nginx's own answer was 505
    [InlineData("GET /nl HTTP/3.0")]
    [InlineData("HEAD /nl HTTP/2.0")]
    [InlineData("GET /nl FOO/1.1")]
    [InlineData("GET /nl HTTP/1.1x")]
    [InlineData("GET nl HTTP/1.1")]
    [InlineData("POST /nl/zoeken HTTP/1.1\r\nTransfer-Encoding: gzip")]   // a transfer coding nginx does not speak: was 501
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
    public async Task A_request_without_a_host_is_told_in_the_portals_words_and_never_passed_on()
    {
        // HTTP/1.0 allows it; passed on, Kestrel answered with an empty 400 (attack of 6 December 2026, night). The nodes here
        // are down, so a request that was passed on would be a 503.
        var page = await SendAsync("GET /nl HTTP/1.0\r\n");
        Assert.Equal(400, page.Status);
        Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", page.Body);
        var upload = await SendAsync("POST /beheer/bestanden/nl/het-gesprek-handboek-pdf HTTP/1.0\r\nContent-Length: 0\r\n");
        Assert.Equal(400, upload.Status);
        Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", upload.Body);
        var empty = await SendAsync("GET /nl HTTP/1.1\r\nHost:\r\nConnection: close\r\n");
        Assert.Equal(400, empty.Status);
        Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", empty.Body);
    }

    [Fact]
    public async Task A_trace_which_nginx_refuses_itself_is_told_in_the_portals_words()
    {
        var (status, headers, body) = await SendAsync("TRACE /nl HTTP/1.1\r\nHost: portaal.example\r\nConnection: close\r\n");
        Assert.Equal(405, status);
        Assert.Contains("Allow: GET, HEAD, POST", headers);
        Assert.Contains("<h1>Zo kan dit adres niet gevraagd worden</h1>", body);
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

/// <summary>What nginx passes on to a node: the test is the node, and answers with the request it was given.</summary>
public sealed class ProxyForwardingTests
{
    [Theory]
    [InlineData("https", "https")]
    [InlineData("http", "http")]
    [InlineData("javascript", "http")]   // became the scheme of the portal's redirects (attack of 6 December 2026, night)
    [InlineData("https, http", "http")]
    [InlineData(null, "http")]
    public async Task Only_http_or_https_is_passed_on_as_the_visitors_scheme(string? sent, string forwarded)
    {
        using var node = new TcpListener(System.Net.IPAddress.Loopback, 0);
        node.Start();
        var nodePort = ((System.Net.IPEndPoint)node.LocalEndpoint).Port;
        await using var proxy = await LoopbackProxy.StartAsync(ComposeFileTests.Repository(), nodePort, nodePort);
        var answered = EchoOnceAsync(node);
        var (status, _, body) = await proxy.SendAsync(
            $"GET /nl HTTP/1.1\r\nHost: portaal.example\r\n{(sent is null ? "" : $"X-Forwarded-Proto: {sent}\r\n")}Connection: close\r\n");
        await answered;
        Assert.Equal(200, status);
        Assert.Contains($"\r\nX-Forwarded-Proto: {forwarded}\r\n", body);
        Assert.Contains("\r\nHost: portaal.example\r\n", body);
    }

    /// <summary>Accepts one connection, reads the request's head and answers 200 with that head as the body.</summary>
    private static async Task EchoOnceAsync(TcpListener node)
    {
        using var connection = await node.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0) break;
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        var body = Encoding.ASCII.GetBytes(head.ToString());
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);
    }
}

/// <summary>nginx in front of a real portal process (Kestrel, with no content): what nginx forwards, Kestrel takes.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class ProxyInFrontOfAPortalTests
{
    [Fact]
    public async Task Behind_nginx_a_host_the_portal_does_not_serve_is_told_where_the_portal_is()
    {
        var folder = ContentFolders.NewEmpty();
        try
        {
            await using var portal = await PortalProcess.StartAsync(
                new Dictionary<string, string> { ["Jas__ContentDirectory"] = folder }, TimeSpan.FromMinutes(2));
            await using var proxy = await LoopbackProxy.StartAsync(ComposeFileTests.Repository(), portal.Address.Port, portal.Address.Port);

            // The server's bare address or an alias not in AllowedHosts: ASP.NET Core's English "Invalid Hostname" was all it said.
            var unknown = await proxy.SendAsync("GET /nl HTTP/1.1\r\nHost: 192.0.2.10\r\nConnection: close\r\n");
            Assert.Equal(400, unknown.Status);
            Assert.Contains("<h1>Dit adres hoort niet bij dit portaal</h1>", unknown.Body);
            Assert.Contains("Content-Security-Policy:", unknown.Headers);
            Assert.DoesNotContain("Invalid Hostname", unknown.Body);

            var known = await proxy.SendAsync("GET /health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            Assert.Equal(200, known.Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Headers_nginx_forwards_are_never_refused_behind_it_with_an_empty_431()
    {
        var folder = ContentFolders.NewEmpty();
        try
        {
            await using var portal = await PortalProcess.StartAsync(
                new Dictionary<string, string> { ["Jas__ContentDirectory"] = folder }, TimeSpan.FromMinutes(2));
            await using var proxy = await LoopbackProxy.StartAsync(ComposeFileTests.Repository(), portal.Address.Port, portal.Address.Port);

            // 40 KB of cookies and headers: over Kestrel's default of 32 KB, well within nginx's 4 × 128 KB.
            var large = $"Cookie: a={new string('c', 20_000)}\r\nX-Lang: {new string('y', 20_000)}\r\n";
            var behind = await proxy.SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n{large}Connection: close\r\n");
            Assert.True(behind.Status == 200, behind.Headers + "\n" + behind.Body[..Math.Min(400, behind.Body.Length)]);
            using (var direct = new HttpClient { BaseAddress = portal.Address })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
                request.Headers.TryAddWithoutValidation("X-Lang", new string('y', 40_000));
                Assert.Equal(System.Net.HttpStatusCode.OK, (await direct.SendAsync(request)).StatusCode);
            }

            // Past nginx's buffers: nginx's own 400 page, never Kestrel's empty answer.
            var tooMuch = string.Concat(Enumerable.Range(0, 5).Select(i => $"X-Part-{i}: {new string('z', 120_000)}\r\n"));
            var refused = await proxy.SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n{tooMuch}Connection: close\r\n");
            Assert.Equal(400, refused.Status);
            Assert.Contains("Dit verzoek is niet te lezen", refused.Body);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
