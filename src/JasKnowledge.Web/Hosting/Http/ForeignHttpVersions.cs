using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// A request line naming an HTTP version Kestrel does not speak ("HTTP/1.2", "HTTP/2.0" written as text, "HTTX/1.1") got
/// Kestrel's empty 505 before any middleware ran: a 5xx for something a client sent, which the portal answers nowhere else.
/// nginx turns it into its 400 page (deploy/nginx.conf), but the embedded default has Kestrel facing visitors alone. So each
/// new connection's first request line is read here, without consuming it, and a foreign version gets a 400 with a short
/// page in Dutch and English; everything else goes on to Kestrel untouched: HTTP/1.0 and 1.1, HTTP/2's preface, TLS, and a
/// line Kestrel refuses for another reason. A later request on a kept-alive connection still meets Kestrel's own answer:
/// telling where it begins would mean reading every body's framing, and behind nginx no such request reaches a node.
/// </summary>
public static class ForeignHttpVersions
{
    public enum Verdict
    {
        /// <summary>The line is not complete yet.</summary>
        NeedMore,
        /// <summary>Kestrel's to answer: a version it speaks, no HTTP/1 request line at all, or one wrong for another reason.</summary>
        Kestrels,
        /// <summary>An HTTP/1 request line whose version is not HTTP/1.0 or HTTP/1.1.</summary>
        Foreign,
    }

    /// <summary>Registered for every endpoint (Urls, configuration), before TLS where an endpoint has it: its handshake is
    /// not a line of text and passes.</summary>
    public static void RefuseForeignHttpVersions(this KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => FirstRequestAsync(connection, next, kestrel.Limits)));

    private static async Task FirstRequestAsync(ConnectionContext connection, ConnectionDelegate next, KestrelServerLimits limits)
    {
        var input = connection.Transport.Input;
        var verdict = Verdict.NeedMore;
        // Kestrel's own clock for a request's head starts only once the connection is handed on: wait no longer than it would.
        using (var patience = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed))
        {
            patience.CancelAfter(limits.RequestHeadersTimeout);
            try
            {
                while (verdict == Verdict.NeedMore)
                {
                    var read = await input.ReadAsync(patience.Token);
                    verdict = Judge(read.Buffer, (int)Math.Min(limits.MaxRequestLineSize, int.MaxValue));
                    if (verdict == Verdict.NeedMore && (read.IsCompleted || read.IsCanceled)) verdict = Verdict.Kestrels;
                    // Nothing consumed: Kestrel reads the same bytes. Examined to the end only while waiting for more.
                    input.AdvanceTo(read.Buffer.Start, verdict == Verdict.NeedMore ? read.Buffer.End : read.Buffer.Start);
                }
            }
            catch (OperationCanceledException)
            {
                verdict = Verdict.Kestrels;
            }
        }
        if (verdict != Verdict.Foreign)
        {
            await next(connection);
            return;
        }
        var output = connection.Transport.Output;
        output.Write(Answer(DateTimeOffset.UtcNow));
        await output.FlushAsync();
        await output.CompleteAsync();
        await input.CompleteAsync();
    }

    /// <summary>What the start of a connection holds, judged on its first line alone.</summary>
    public static Verdict Judge(ReadOnlySequence<byte> start, int maxLine)
    {
        var reader = new SequenceReader<byte>(start);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> found, (byte)'\n'))
            return start.Length > maxLine || !IsText(start) ? Verdict.Kestrels : Verdict.NeedMore;
        if (found.Length > maxLine) return Verdict.Kestrels;
        var line = found.ToArray().AsSpan();
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (!IsText(line)) return Verdict.Kestrels;

        // METHOD SP target SP version: exactly two single spaces, none of the three parts empty.
        var first = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (first <= 0 || last == first || last == line.Length - 1 || line[(first + 1)..last].Contains((byte)' ')) return Verdict.Kestrels;
        var method = line[..first];
        var target = line[(first + 1)..last];
        var version = line[(last + 1)..];
        if (version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8)) return Verdict.Kestrels;
        // HTTP/2 spoken from the first byte: Kestrel answers it in HTTP/2.
        if (method.SequenceEqual("PRI"u8) && target.SequenceEqual("*"u8) && version.SequenceEqual("HTTP/2.0"u8)) return Verdict.Kestrels;
        return Verdict.Foreign;
    }

    /// <summary>Printable ASCII only: a TLS handshake or other binary protocol is never judged as a request line.</summary>
    private static bool IsText(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    private static bool IsText(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            // A request line's ending may already be half there.
            var span = segment.Span;
            foreach (var b in span)
                if ((b < 0x20 || b > 0x7E) && b != (byte)'\r') return false;
        }
        return true;
    }

    private const string Page =
        "<!DOCTYPE html><html lang=\"nl\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>Verzoek niet te lezen</title><h1>Dit verzoek is niet te lezen</h1>"
        + "<p>Uw browser of programma vroeg om een versie van HTTP die dit portaal niet spreekt. Het portaal spreekt HTTP/1.1. "
        + "Open <a href=\"/\">de startpagina</a> in een gewone browser.</p>"
        + "<p lang=\"en\">This request names an HTTP version the portal does not speak; it speaks HTTP/1.1. Open "
        + "<a href=\"/\">the home page</a> in an ordinary browser.</p></html>\n";

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
