using System.Globalization;
using JasKnowledge.Web.Features.Search;

namespace JasKnowledge.Tests.Unit;

public class ServerTimingTests
{
    [Theory]
    [InlineData(0.3914, "index;dur=0.391;desc=\"search index\"")]
    [InlineData(12, "index;dur=12;desc=\"search index\"")]
    [InlineData(0, "index;dur=0;desc=\"search index\"")]
    public void The_index_time_is_written_in_milliseconds_with_a_point(double milliseconds, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        // On a Dutch server the time would otherwise get a decimal comma, which Server-Timing does not read.
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            Assert.Equal(expected, SearchApi.ServerTiming(TimeSpan.FromMilliseconds(milliseconds)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
