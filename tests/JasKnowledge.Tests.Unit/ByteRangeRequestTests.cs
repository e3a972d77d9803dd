using JasKnowledge.Web.Features.Downloads;

namespace JasKnowledge.Tests.Unit;

public sealed class ByteRangeRequestTests
{
    private const long Length = 1000;

    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=100-", 100, 999)]
    [InlineData("bytes=-10", 990, 999)]
    [InlineData("bytes=-5000", 0, 999)]
    [InlineData("bytes=990-5000", 990, 999)]
    [InlineData("bytes=0-99999999999999999999999", 0, 999)]
    [InlineData("bytes=10-9223372036854775807", 10, 999)]
    [InlineData("BYTES=5-5", 5, 5)]
    [InlineData(" bytes=0-0 ", 0, 0)]
    public void One_satisfiable_range_is_a_part(string header, long from, long to)
    {
        var part = Assert.IsType<RangeDecision.Part>(ByteRangeRequest.Evaluate(header, Length));
        Assert.Equal((from, to), (part.From, part.To));
        Assert.Equal(to - from + 1, part.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=-")]
    [InlineData("bytes=1-2-3")]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=99999999999999999999999-")]
    [InlineData("bytes=+1-2")]
    [InlineData("bytes=٣-٤")]
    public void Malformed_or_multiple_ranges_get_the_whole_file(string? header)
    {
        Assert.IsType<RangeDecision.Whole>(ByteRangeRequest.Evaluate(header, Length));
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public void A_range_outside_the_file_is_unsatisfiable(string header)
    {
        Assert.IsType<RangeDecision.Unsatisfiable>(ByteRangeRequest.Evaluate(header, Length));
    }

    [Fact]
    public void An_empty_file_has_no_satisfiable_range()
    {
        Assert.IsType<RangeDecision.Unsatisfiable>(ByteRangeRequest.Evaluate("bytes=0-", 0));
        Assert.IsType<RangeDecision.Unsatisfiable>(ByteRangeRequest.Evaluate("bytes=-1", 0));
    }
}
