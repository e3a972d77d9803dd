using System.Text;
using JasKnowledge.Web.Hosting.Http;

namespace JasKnowledge.Tests.Unit;

/// <summary>Where each request of a kept-alive connection begins, found as Kestrel frames requests, so that a later request
/// line with a version Kestrel would answer with 505 is found too, and nothing inside a body is ever taken for one.</summary>
public sealed class RequestFramingTests
{
    private const string Get = "GET /health/live HTTP/1.1\r\nHost: a\r\n\r\n";
    private const string Foreign = "GET /nl HTTP/1.2\r\nHost: a\r\n\r\n";

    /// <summary>Feeds the connection whole, and again one byte at a time: both must find the same.</summary>
    private static (long? ForeignAt, bool Following) Frame(string connection)
    {
        var bytes = Encoding.Latin1.GetBytes(connection);
        var whole = new RequestFraming(8192);
        whole.Feed(bytes, 0);
        var piecewise = new RequestFraming(8192);
        for (var i = 0; i < bytes.Length; i++) piecewise.Feed(bytes.AsSpan(i, 1), i);
        Assert.Equal(whole.ForeignAt, piecewise.ForeignAt);
        Assert.Equal(whole.Following, piecewise.Following);
        return (whole.ForeignAt, whole.Following);
    }

    [Fact]
    public void A_foreign_request_after_ordinary_ones_is_found_where_it_begins()
    {
        Assert.Equal(Get.Length * 2, Frame(Get + Get + Foreign).ForeignAt);
        Assert.Equal(0, Frame(Foreign).ForeignAt);
        // Blank lines before it belong to it: Kestrel is given none of them.
        Assert.Equal(Get.Length, Frame(Get + "\r\n\r\n" + Foreign).ForeignAt);
    }

    [Fact]
    public void Ordinary_requests_are_followed_without_end()
    {
        var (foreign, following) = Frame(string.Concat(Enumerable.Repeat(Get, 50)) + "GET /nl HTTP/1.1\r\nHost: a\r\n");
        Assert.Null(foreign);
        Assert.True(following);
    }

    [Fact]
    public void A_request_line_inside_a_body_of_known_length_is_body()
    {
        const string body = "GET /nl HTTP/1.2\r\n\r\n";
        var post = $"POST /api HTTP/1.1\r\nHost: a\r\ncontent-length: {body.Length}\r\n\r\n{body}";
        Assert.Null(Frame(post + Get).ForeignAt);
        Assert.Equal(post.Length + Get.Length, Frame(post + Get + Foreign).ForeignAt);
    }

    [Fact]
    public void A_request_line_inside_a_chunked_body_is_body()
    {
        var post = "POST /api HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "12;name=value\r\nGET /nl HTTP/1.2\r\n\r\n" + "0\r\nTrailer: x\r\n\r\n"; // 0x12 = 18 bytes: the line
        Assert.Null(Frame(post + Get).ForeignAt);
        Assert.Equal(post.Length, Frame(post + Foreign).ForeignAt);
    }

    [Theory]
    // Kestrel closes the connection after these, or its framing could differ: whatever follows is Kestrel's alone, as before.
    [InlineData("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n")]
    [InlineData("GET / HTTP/1.0\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("CONNECT a:443 HTTP/1.1\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\n")] // a TLS handshake's start
    public void After_a_request_Kestrel_may_frame_otherwise_nothing_is_judged(string first)
    {
        var (foreign, following) = Frame(first + Foreign);
        Assert.Null(foreign);
        Assert.False(following);
    }

    [Fact]
    public void HTTP_1_0_that_keeps_the_connection_is_followed()
    {
        var first = "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n";
        Assert.Equal(first.Length, Frame(first + Foreign).ForeignAt);
    }

    [Fact]
    public void Long_lines_of_other_fields_are_skipped_and_a_request_line_longer_than_Kestrel_takes_stops_following()
    {
        var cookie = $"GET / HTTP/1.1\r\nCookie: {new string('c', 5000)}\r\nX: {new string('x', 300)}\r\n\r\n";
        Assert.Equal(cookie.Length, Frame(cookie + Foreign).ForeignAt);
        var (foreign, following) = Frame($"GET /{new string('a', 9000)} HTTP/1.1\r\n\r\n" + Foreign);
        Assert.Null(foreign);
        Assert.False(following);
    }
}
