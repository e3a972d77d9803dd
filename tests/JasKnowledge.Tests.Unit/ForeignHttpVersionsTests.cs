using System.Buffers;
using System.Text;
using JasKnowledge.Web.Hosting.Http;
using static JasKnowledge.Web.Hosting.Http.ForeignHttpVersions;

namespace JasKnowledge.Tests.Unit;

/// <summary>The first request line of a connection, judged before Kestrel reads it: only a version Kestrel would answer
/// with its empty 505 is taken from it.</summary>
public sealed class ForeignHttpVersionsTests
{
    private const int MaxLine = 1024;

    [Theory]
    [InlineData("GET /nl HTTP/1.2\r\nHost: a\r\n\r\n")]
    [InlineData("GET /nl HTTP/2.0\r\n")]
    [InlineData("GET /nl HTTP/3\r\n")]
    [InlineData("GET /nl HTTP/0.9\r\n")]
    [InlineData("GET /nl HTTX/1.1\r\n")]
    [InlineData("GET /nl http/1.1\r\n")]          // the protocol's name is case-sensitive
    [InlineData("GET /nl HTTP/1.1x\r\n")]
    [InlineData("GET /nl HTTP/1.1 \r\n")]
    [InlineData("POST /nl/zoeken HTTP/1.2\n")]    // a bare line feed ends the line as well
    // Kestrel checks the version before the rest of the line, and answered each of these with its 505 (scan of 6 December).
    [InlineData("POST /nl/ zoeken \r\n")]
    [InlineData("GET /n\u00e9 HTTP/0.9\r\n")]
    [InlineData("TRACE /nl?x=\u007f HTTX/1.1\r\n")]
    [InlineData("GET  /nl HTTP/1.1\r\n")]
    [InlineData("M-SEARCH * HTTP/11\r\n")]
    [InlineData("GET /nl\r\n")]                     // no version at all
    [InlineData("OPTIONS* HTTP/1.1x\r\n")]
    [InlineData("\r\nGET /nl HTTP/1.2\r\n")]           // empty lines first: Kestrel skips them, then answered 505
    [InlineData("\n\r\n\r\nGET /nl HTTP/2.0\r\n")]
    public void A_request_line_Kestrel_would_refuse_for_its_version_is_foreign(string start) =>
        Assert.Equal(Verdict.Foreign, Judge(Bytes(start), MaxLine));

    [Theory]
    [InlineData("GET /nl HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("HEAD /nl?q=a%20b HTTP/1.0\r\n")]
    [InlineData("PROPFIND /n\u00e9 HTTP/1.1\r\n")]    // refused by Kestrel for its target, not its version: Kestrel's 400
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]   // HTTP/2 from the first byte: Kestrel answers it in HTTP/2
    [InlineData(" /nl HTTP/1.2\r\n")]                  // no method
    [InlineData("G\tET /nl HTTP/1.2\r\n")]            // a method is a token
    [InlineData("\r\nGET /nl HTTP/1.1\r\n")]
    public void Everything_else_is_left_to_Kestrel(string start) =>
        Assert.Equal(Verdict.Kestrels, Judge(Bytes(start), MaxLine));

    [Fact]
    public void A_TLS_handshake_is_never_read_as_a_line_and_never_waited_for()
    {
        Assert.Equal(Verdict.Kestrels, Judge(new ReadOnlySequence<byte>([0x16, 0x03, 0x01, 0x02, 0x00, 0x20, 0x20, 0x0a]), MaxLine));
        Assert.Equal(Verdict.Kestrels, Judge(new ReadOnlySequence<byte>([0x16, 0x03, 0x01]), MaxLine));
    }

    [Theory]
    [InlineData("")]
    [InlineData("GE")]
    [InlineData("GET /nl HTTP/1.")]
    [InlineData("GET /nl HTTP/1.2\r")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r\nGE")]
    public void An_unfinished_line_waits_for_more(string start) =>
        Assert.Equal(Verdict.NeedMore, Judge(Bytes(start), MaxLine));

    [Fact]
    public void A_line_longer_than_Kestrel_takes_is_left_to_Kestrel_finished_or_not()
    {
        var target = "/" + new string('a', MaxLine);
        Assert.Equal(Verdict.Kestrels, Judge(Bytes($"GET {target}"), MaxLine));
        Assert.Equal(Verdict.Kestrels, Judge(Bytes($"GET {target} HTTP/1.2\r\n"), MaxLine));
    }

    [Fact]
    public void A_line_that_arrived_in_pieces_is_judged_as_one()
    {
        var first = new Segment(Encoding.ASCII.GetBytes("GET /nl HT"));
        var last = first.Append(Encoding.ASCII.GetBytes("TP/1.2\r\nHost: a\r\n"));
        Assert.Equal(Verdict.Foreign, Judge(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), MaxLine));
    }

    [Fact]
    public void The_answer_is_a_complete_400_whose_length_is_its_page()
    {
        var answer = Encoding.UTF8.GetString(Answer(new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero)));
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = answer[..split];
        var page = answer[(split + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", head);
        Assert.Contains("\r\nDate: Sun, 06 Dec 2026 22:00:00 GMT", head);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(page)}", head);
        Assert.Contains("\r\nConnection: close", head);
        Assert.Contains("<h1>Dit verzoek is niet te lezen</h1>", page);
        Assert.Contains("lang=\"en\"", page);
    }

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
