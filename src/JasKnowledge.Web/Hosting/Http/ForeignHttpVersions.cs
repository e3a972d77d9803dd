using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// A request line naming an HTTP version Kestrel does not speak ("HTTP/1.2", "HTTP/2.0" written as text, "HTTX/1.1") or none
/// at all got Kestrel's empty 505 before any middleware ran: a 5xx for something a client sent, which the portal
/// answers nowhere else. nginx turns it into its 400 page (deploy/nginx.conf), but the embedded default has Kestrel facing
/// visitors alone. So each new connection's first request line is read here, without consuming it, and every later one on a
/// kept-alive connection as Kestrel reads it (<see cref="JudgedTransport"/>); a line Kestrel would refuse for its version gets a
/// 400 with a short page in Dutch and English, after the answers to the requests before it. (A later line that arrives in
/// pieces, whose start Kestrel has read before its end came, gets Kestrel's own empty 400 instead.) Everything else reaches
/// Kestrel untouched: HTTP/1.0 and 1.1, HTTP/2's preface, TLS.
/// </summary>
public static class ForeignHttpVersions
{
    public enum Verdict
    {
        /// <summary>The line is not complete yet.</summary>
        NeedMore,
        /// <summary>Kestrel's to answer: a version it speaks, HTTP/2's preface, or something that does not begin with a method.</summary>
        Kestrels,
        /// <summary>A method followed by a line whose version is missing or not exactly HTTP/1.0 or HTTP/1.1: Kestrel would refuse it.</summary>
        Foreign,
    }

    /// <summary>Registered for every endpoint (Urls, configuration), before TLS where an endpoint has it: its handshake is
    /// not a line of text, and the connection is then Kestrel's alone.</summary>
    public static void RefuseForeignHttpVersions(this KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => FirstRequestAsync(connection, next, kestrel.Limits)));

    private static async Task FirstRequestAsync(ConnectionContext connection, ConnectionDelegate next, KestrelServerLimits limits)
    {
        var input = connection.Transport.Input;
        var verdict = Verdict.NeedMore;
        var timedOut = false;
        // Kestrel's clocks start only once the connection is handed on, so this wait keeps them: the keep-alive time for a
        // connection that sends nothing, the request-head time from its first byte. Past either, the connection is closed, as
        // Kestrel would close it; handing it on would have given the client both waits over again (attack of 7 December).
        using (var patience = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
        {
            patience.CancelAfter(limits.KeepAliveTimeout);
            var started = false;
            try
            {
                while (verdict == Verdict.NeedMore)
                {
                    var read = await input.ReadAsync(patience.Token);
                    if (!started && !read.Buffer.IsEmpty)
                    {
                        started = true;
                        patience.CancelAfter(limits.RequestHeadersTimeout);
                    }
                    verdict = Judge(read.Buffer, (int)Math.Min(limits.MaxRequestLineSize, int.MaxValue));
                    if (verdict == Verdict.NeedMore && (read.IsCompleted || read.IsCanceled)) verdict = Verdict.Kestrels;
                    // Nothing consumed: Kestrel reads the same bytes. Examined to the end only while waiting for more.
                    input.AdvanceTo(read.Buffer.Start, verdict == Verdict.NeedMore ? read.Buffer.End : read.Buffer.Start);
                }
            }
            catch (OperationCanceledException)
            {
                timedOut = !connection.ConnectionClosed.IsCancellationRequested;
                verdict = Verdict.Kestrels;
            }
        }
        if (timedOut)
        {
            await input.CompleteAsync();
            await connection.Transport.Output.CompleteAsync();
            return;
        }
        if (verdict != Verdict.Foreign)
        {
            await LaterRequestsAsync(connection, next, limits);
            return;
        }
        await AnswerForeignAsync(connection.Transport);
    }

    /// <summary>The first line was Kestrel's: from here Kestrel reads the connection through <see cref="JudgedTransport"/>, so
    /// its own clocks (keep-alive, request head) run as always; when it has answered every request before a foreign one, the 400
    /// follows and the connection closes.</summary>
    private static async Task LaterRequestsAsync(ConnectionContext connection, ConnectionDelegate next, KestrelServerLimits limits)
    {
        var transport = connection.Transport;
        var judged = new JudgedTransport(transport, (int)Math.Min(limits.MaxRequestLineSize, int.MaxValue));
        connection.Transport = judged;
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
        if (judged.FoundForeign) await AnswerForeignAsync(transport);
    }

    /// <summary>The 400 for a foreign line, on the first request or after the ones before it, and the connection's end.</summary>
    private static async Task AnswerForeignAsync(System.IO.Pipelines.IDuplexPipe transport)
    {
        try
        {
            transport.Output.Write(Answer(DateTimeOffset.UtcNow));
            await transport.Output.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The client went away first: nothing to answer.
        }
        await transport.Output.CompleteAsync();
        await transport.Input.CompleteAsync();
    }

    /// <summary>What the start of a connection holds, judged on its first line alone, split as Kestrel splits it: the method
    /// up to the first space, the target up to the next, the version after that. Kestrel takes a line only when that version
    /// is exactly HTTP/1.0 or HTTP/1.1 (whatever else is wrong with the line, it checks the version first and answers 505),
    /// so every other line it would refuse anyway: answering it here takes nothing from a client.</summary>
    public static Verdict Judge(ReadOnlySequence<byte> start, int maxLine)
    {
        // Kestrel skips empty lines before a request line, as RFC 9112 allows: so does the judge.
        var blank = 0L;
        foreach (var segment in start)
        {
            var span = segment.Span;
            var index = span.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            if (index >= 0) { blank += index; break; }
            blank += span.Length;
        }
        if (blank > maxLine) return Verdict.Kestrels;
        start = start.Slice(blank);
        var reader = new SequenceReader<byte>(start);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> found, (byte)'\n'))
        {
            // A method being written waits for its line; anything else (a TLS handshake, HTTP/2's binary) is Kestrel's at once.
            if (start.Length > maxLine) return Verdict.Kestrels;
            var partial = start.Length <= 64 ? start.ToArray() : start.Slice(0, 64).ToArray();
            var space = Array.IndexOf(partial, (byte)' ');
            return IsMethod(space < 0 ? partial : partial.AsSpan(0, space), allowEmpty: true) ? Verdict.NeedMore : Verdict.Kestrels;
        }
        if (found.Length > maxLine) return Verdict.Kestrels;
        var line = found.IsSingleSegment ? found.FirstSpan : found.ToArray();
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];

        var first = line.IndexOf((byte)' ');
        if (first < 0 || !IsMethod(line[..first], allowEmpty: false)) return Verdict.Kestrels;
        var rest = line[(first + 1)..];
        var second = rest.IndexOf((byte)' ');
        // No version at all (HTTP/0.9's "GET /nl"): Kestrel refuses that too, with a 400 or, as for "OPTIONS* HTTP/1.1x",
        // its 505 (scan of 6 December).
        if (second < 0) return Verdict.Foreign;
        var method = line[..first];
        var target = rest[..second];
        var version = rest[(second + 1)..];
        if (version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8)) return Verdict.Kestrels;
        // HTTP/2 spoken from the first byte: Kestrel answers it in HTTP/2.
        if (method.SequenceEqual("PRI"u8) && target.SequenceEqual("*"u8) && version.SequenceEqual("HTTP/2.0"u8)) return Verdict.Kestrels;
        return Verdict.Foreign;
    }

    /// <summary>A method is a token (RFC 9110): letters, digits and a few signs. A TLS handshake begins with 0x16, which is not.</summary>
    private static bool IsMethod(ReadOnlySpan<byte> method, bool allowEmpty) =>
        (allowEmpty || method.Length > 0) && !method.ContainsAnyExcept(TokenCharacters);

    /// <summary>Whether a byte may be part of a method; a TLS handshake (0x16) or HTTP/2's binary frames begin with one that may not.</summary>
    public static bool IsMethodByte(byte b) => TokenCharacters.Contains(b);

    private static readonly SearchValues<byte> TokenCharacters = SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private const string Page =
        "<!DOCTYPE html><html lang=\"nl\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>Verzoek niet te lezen</title><h1>Dit verzoek is niet te lezen</h1>"
        + "<p>Uw browser of programma stuurde een verzoek dat dit portaal niet kan lezen, bijvoorbeeld met een versie van HTTP "
        + "die het niet spreekt (het spreekt HTTP/1.1). Open <a href=\"/\">de startpagina</a> in een gewone browser.</p>"
        + "<p lang=\"en\">The portal cannot read this request, for example because it names an HTTP version the portal does "
        + "not speak (it speaks HTTP/1.1). Open <a href=\"/\">the home page</a> in an ordinary browser.</p></html>\n";

    /// <summary>The whole answer, head and page, as Kestrel would have framed it: the connection closes after it.</summary>
    public static byte[] Answer(DateTimeOffset now)
    {
        var body = Encoding.UTF8.GetBytes(Page);
        var head = "HTTP/1.1 400 Bad Request\r\n"
            + $"Date: {now.ToString("r", CultureInfo.InvariantCulture)}\r\n"
            + "Content-Type: text/html; charset=utf-8\r\n"
            + $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n"
            + "Cache-Control: no-store\r\n"
            + "Content-Security-Policy: default-src 'none'\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + "Connection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
