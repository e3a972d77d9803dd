using System.Globalization;
using JasKnowledge.Web.Features.Downloads;

namespace JasKnowledge.Tests.Unit;

public sealed class FileFactsTests
{
    [Theory]
    [InlineData(512, "nl-NL", "512\u00A0B")]
    [InlineData(39_815, "nl-NL", "39,8\u00A0kB")]
    [InlineData(633_928, "en-GB", "633.9\u00A0kB")]
    [InlineData(1_400_000, "nl-NL", "1,4\u00A0MB")]
    [InlineData(524_288_000, "nl-NL", "524,3\u00A0MB")]
    [InlineData(386_700, "ar", "\u2066386٫7\u00A0kB\u2069")]
    [InlineData(2_500_000_000, "fa", "\u20662٫5\u00A0GB\u2069")]
    public void Sizes_use_decimal_units_and_the_readers_number_format(long bytes, string culture, string expected)
    {
        Assert.Equal(expected, FileFacts.Size(bytes, CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData("application/pdf", "PDF")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)")]
    [InlineData("text/csv; charset=utf-8", "CSV")]
    [InlineData("image/png", "PNG")]
    public void Formats_are_named_as_people_know_them(string mediaType, string expected)
    {
        Assert.Equal(expected, FileFacts.Format(mediaType));
    }
}
