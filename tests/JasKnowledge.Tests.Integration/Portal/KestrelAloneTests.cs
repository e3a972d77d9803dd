using System.Net.Sockets;
using System.Text;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>The embedded default: a real portal process with Kestrel facing visitors, no nginx in front, spoken to over a
/// raw connection as a scanner or a broken client would.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class KestrelAloneTests
{
    [Fact]
    public async Task A_foreign_HTTP_version_is_a_400_in_the_portals_words_and_every_ordinary_request_still_passes()
    {
        var folder = ContentFolders.NewEmpty();
        try
        {
            await using var portal = await PortalProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["Jas__ContentDirectory"] = folder,
                    // Short, so that the waits below are seconds: what counts is that the first line's check keeps them.
                    ["Kestrel__Limits__RequestHeadersTimeout"] = "00:00:03",
                    ["Kestrel__Limits__KeepAliveTimeout"] = "00:00:04",
                }, TimeSpan.FromMinutes(2));
            var port = portal.Address.Port;

            // Kestrel answered each of these with an empty 505 before any of the portal's code ran.
            foreach (var version in new[] { "HTTP/1.2", "HTTP/2.0", "HTTX/1.1", "HTTP/0.9" })
            {
                var answer = await ConverseAsync(port, $"GET /nl {version}\r\nHost: 127.0.0.1\r\n\r\n");
                Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
                Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", answer);
                Assert.Contains("\r\nConnection: close\r\n", answer);
            }
            // Empty lines before the request line, which Kestrel skips (attack of 7 December).
            Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", await ConverseAsync(port, "\r\n\r\nGET /nl HTTP/1.2\r\nHost: 127.0.0.1\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", await ConverseAsync(port, "\r\nGET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            // Sent a few bytes at a time, the first line is waited for and then left to Kestrel whole.
            var slow = await ConverseAsync(port, "GE", "T /health/li", "ve HTTP/1.", "1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", slow);
            var foreignSlowly = await ConverseAsync(port, "GET /nl HTTP/1.", "2\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", foreignSlowly);
            // Two requests in one write, and HTTP/1.0: both answered as before.
            var pipelined = await ConverseAsync(port,
                "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Assert.Equal(2, pipelined.Split("HTTP/1.1 200 OK\r\n").Length - 1);
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", await ConverseAsync(port, "GET /health/live HTTP/1.0\r\n\r\n"));
            // A foreign line later on a kept-alive connection: the requests before it are answered, then the same 400, and the
            // connection closes. Kestrel answered it with its empty 505 (found by the attack of 6 December, left then).
            var later = await ConverseAsync(port,
                "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "GET /nl HTTP/1.2\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.Equal(["200", "400"], Statuses(later));
            Assert.EndsWith("</html>\n", later);
            // The same line in pieces: Kestrel has read its start, so it answers the cut-off line itself, with a 400 too.
            var laterInPieces = await ConverseAsync(port,
                "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /nl HTTP/1.", "2\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.Equal(["200", "400"], Statuses(laterInPieces));
            // In one write, after a body that holds such a line itself: the body is the body, only the real next request is judged.
            const string body = "GET /nl HTTP/1.2\r\n\r\n";
            var afterBody = await ConverseAsync(port,
                $"POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {body.Length}\r\n\r\n{body}"
                + "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /nl HTTP/3\r\nHost: 127.0.0.1\r\n\r\n");
            // POST to the liveness check is a 405 (its body read and left), then the GET, then the 400 for the third.
            Assert.Equal(["405", "200", "400"], Statuses(afterBody));
            Assert.EndsWith("</html>\n", afterBody);
            // HTTP/2 from the first byte is still Kestrel's, which answers in HTTP/2 (a frame, not a line of text).
            var preface = await ConverseAsync(port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            Assert.DoesNotContain("HTTP/1.1 5", preface);
            Assert.DoesNotContain("HTTP/1.1 400", preface);

            // A scan of request lines put together from pieces, on fresh connections: whatever Kestrel cannot read is a 4xx.
            var random = new Random(6122026);
            var lines = Enumerable.Range(0, 600).Select(_ => string.Concat(
                Enumerable.Range(0, random.Next(0, 7)).Select(_ => LinePieces[random.Next(LinePieces.Length)]))).ToList();
            var fives = new List<string>();
            foreach (var batch in lines.Chunk(8))
            {
                var answers = await Task.WhenAll(batch.Select(line => ConverseAsync(port, $"{line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")));
                fives.AddRange(batch.Zip(answers).Where(pair => pair.Second.StartsWith("HTTP/1.1 5", StringComparison.Ordinal))
                    .Select(pair => pair.First));
            }
            Assert.True(fives.Count == 0, "5xx for: " + string.Join(" | ", fives.Take(10).Select(l => l.ReplaceLineEndings("\\r"))));

            // Half a request line and then nothing, or nothing at all: closed once Kestrel's own time is up, not after that
            // time twice (the check used to hand the connection on after waiting, and Kestrel's clock then began again).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal("", await ConverseAsync(port, "GET /nl"));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12));
            clock.Restart();
            Assert.Equal("", await ConverseAsync(port));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(14));

            using var client = new HttpClient { BaseAddress = portal.Address };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] LinePieces =
    [
        "GET", "POST", "OPTIONS", "M-SEARCH", "*", "/", "/nl", "?q=a", " ", "  ", "\t", "HTTP/1.1", "HTTP/1.0", "HTTP/", "1.1",
        "HTTP/2.0", "HTTX", "x", "\u007f", "\u00e9", "%", "#", ":", "\0", "\r\n",
    ];

    /// <summary>The status of each answer on a connection, in order.</summary>
    private static string[] Statuses(string answers) =>
        System.Text.RegularExpressions.Regex.Matches(answers, "HTTP/1\\.1 (\\d{3}) ").Select(m => m.Groups[1].Value).ToArray();

    /// <summary>Writes the pieces with a pause between them and reads until the portal closes the connection.</summary>
    private static async Task<string> ConverseAsync(int port, params string[] pieces)
    {
        using var connection = new TcpClient();
        await connection.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var stream = connection.GetStream();
        foreach (var piece in pieces)
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(piece));
            await stream.FlushAsync();
            if (pieces.Length > 1) await Task.Delay(200);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0) received.Write(buffer, 0, read);
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        return Encoding.Latin1.GetString(received.ToArray());
    }
}
