using System.Text.Encodings.Web;
using JasKnowledge.Programmes.Features.Programmes;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Beheer;
using JasKnowledge.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;

namespace JasKnowledge.Tests.Unit;

/// <summary>Small rules of what a page says: a name isolated inside a translated sentence, a date as a reader
/// says it, the start-up warning for a public address on this machine, and the back office's clock.</summary>
public sealed class PageTextTests
{
    private sealed class OneSentence(string key, string template) : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name == key ? template : name, resourceNotFound: name != key);
        public LocalizedString this[string name, params object[] arguments] => throw new NotSupportedException("formatted by IsolatedText");
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [this[key]];
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_name_in_another_language_is_isolated_and_everything_is_encoded_but_no_script_is_escaped()
    {
        var sentence = new OneSentence("FileDownload", "تنزيل {0}، النسخة {1} ({2}، {3})");

        var html = Html(IsolatedText.Format(sentence, "FileDownload", new Isolated("Health <b>insurance</b> & co", "en", "ltr"), "4", "PDF", "45٫1 kB"));

        Assert.Equal("تنزيل <bdi lang=\"en\" dir=\"ltr\">Health &lt;b&gt;insurance&lt;/b&gt; &amp; co</bdi>، النسخة 4 (PDF، 45٫1 kB)", html);
    }

    [Fact]
    public void A_plain_argument_is_encoded_too_and_a_missing_direction_is_left_out()
    {
        var sentence = new OneSentence("FileAllVersions", "All versions of {0} ({1})");

        Assert.Equal("All versions of <bdi lang=\"ti\">ሕክምና</bdi> (&lt;script&gt;)",
            Html(IsolatedText.Format(sentence, "FileAllVersions", new Isolated("ሕክምና", "ti", null), "<script>")));
    }

    [Theory]
    [InlineData("2015-10", "<time datetime=\"2015-10\">oktober 2015</time>")]
    [InlineData("2016-01-04", "<time datetime=\"2016-01-04\">4 januari 2016</time>")]
    [InlineData("2016", "<time datetime=\"2016\">2016</time>")]
    [InlineData(null, "")]
    public void Since_reads_as_a_Dutch_month_or_date_and_keeps_the_value_as_written(string? since, string expected) =>
        Assert.Equal(expected, Html(SinceText.Html(since)));

    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "JasKnowledge.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.1:5080", true)]
    [InlineData("Production", "http://localhost:5080", true)]
    [InlineData("Staging", "http://[::1]:5080", true)]
    [InlineData("Production", "https://jas.example.nl", false)]
    [InlineData("Development", "http://127.0.0.1:5080", false)]
    [InlineData("Testing", "http://127.0.0.1:5080", false)]
    public void A_server_whose_public_address_is_this_machine_says_so_at_start(string environment, string origin, bool warned)
    {
        var warning = HostingSetup.PublicAddressWarning(new Host(environment), new PublicOrigin(origin));

        Assert.Equal(warned, warning is not null);
        if (warned) Assert.Contains("Jas__PublicBaseUrl", warning);
    }

    [Theory]
    [InlineData("2026-12-05T21:30:00Z", "5-12-2026 22:30")] // winter: UTC+1
    [InlineData("2026-07-01T12:05:00Z", "1-7-2026 14:05")] // summer: UTC+2
    [InlineData("2026-03-29T00:59:00Z", "29-3-2026 01:59")] // the minute before the clocks go forward
    [InlineData("2026-03-29T01:00:00Z", "29-3-2026 03:00")]
    public void The_back_office_shows_a_moment_in_Dutch_time_and_keeps_UTC_for_machines(string utc, string shown)
    {
        var moment = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(shown, DutchTime.Text(moment));
        Assert.Equal($"<time datetime=\"{utc}\">{shown}</time>", Html(DutchTime.Html(moment)));
    }
}
