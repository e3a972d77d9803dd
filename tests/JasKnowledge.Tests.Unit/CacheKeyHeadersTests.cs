using JasKnowledge.Web.Hosting.Caching;

namespace JasKnowledge.Tests.Unit;

/// <summary>What the output cache keys a page by: the encoding the portal will answer in, not the browser's whole list.</summary>
public sealed class CacheKeyHeadersTests
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.4", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.5", "br")]
    [InlineData("*", "br")]
    [InlineData("*, br;q=0", "gzip")]
    [InlineData("*;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("x-enc-1", null)]
    [InlineData("br;q=zz", null)]
    [InlineData("", null)]
    public void The_encoding_is_the_one_the_portal_answers_in(string acceptEncoding, string? expected) =>
        Assert.Equal(expected, CacheKeyHeaders.Negotiated(acceptEncoding));
}
