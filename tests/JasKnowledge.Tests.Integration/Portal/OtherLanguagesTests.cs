using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>Text in another language inside a page, and the ways to the page in other languages, as a review of
/// the shipped portal found them on 5 December 2026 (each assertion failed before its fix).</summary>
public abstract partial class OtherLanguagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> PageAsync(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<div class=\"language-switcher__wide\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex WideSwitcher();

    private static string Switcher(string html) => WideSwitcher().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_file_title_in_another_language_is_isolated_inside_the_button_and_the_link()
    {
        var html = await PageAsync("/ar/downloads");
        var card = html[html.IndexOf("href=\"/files/en/de-zorgverzekering-pdf/latest\">", StringComparison.Ordinal)..][..400];

        // Without the isolation, "(PDF، 45٫1 kB)" after the English title broke apart on the Arabic page.
        Assert.Matches("^href=\"/files/en/de-zorgverzekering-pdf/latest\">تنزيل <bdi lang=\"en\" dir=\"ltr\">[^<]+</bdi>،", card);
        Assert.Contains("<a href=\"/ar/downloads/en/de-zorgverzekering-pdf\">كل نسخ <bdi lang=\"en\" dir=\"ltr\">", card);
        var history = await PageAsync("/ar/downloads/en/de-zorgverzekering-pdf");
        Assert.Contains("<bdi lang=\"en\" dir=\"ltr\">", history);
    }

    [Fact]
    public async Task The_downloads_are_grouped_by_language_with_the_visitors_own_first_and_texts_films_and_data_before_the_pictures()
    {
        var html = await PageAsync("/ar/downloads");

        var sections = Regex.Matches(html, "<h2 id=\"taal-([a-z]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["ar", "nl"], sections[..2]);
        Assert.Equal(sections.Count, sections.Distinct().Count());
        Assert.Matches("<a href=\"#taal-ar\" lang=\"ar\" dir=\"rtl\"\\s+hreflang=\"ar\">", html);
        var arabic = Section(html, "ar");
        Assert.All(Regex.Matches(arabic, "<h3 class=\"file-card__title\" lang=\"([a-z]+)\"").Select(m => m.Groups[1].Value), code => Assert.Equal("ar", code));
        var dutch = Section(html, "nl");
        int At(string text) => dutch.IndexOf(text, StringComparison.Ordinal) is var at and >= 0 ? at : throw new InvalidOperationException(text);
        Assert.True(At("Het Gesprek: handboek voor trainers (PDF)") < At("(MP4, 360p, weinig data)"));
        Assert.True(At("(MP4, 360p, weinig data)") < At("Gemeentelijke indeling op 1 januari 2023"));
        Assert.True(At("Gemeentelijke indeling op 1 januari 2023") < At("<details class=\"file-pictures\">"));
        Assert.True(At("<details class=\"file-pictures\">") < At("(kleine afbeelding, WebP)"));
    }

    [Fact]
    public async Task Only_the_visitors_own_language_is_unfolded_on_the_downloads_page()
    {
        var html = await PageAsync("/ar/downloads");

        // The Arabic files are open; every other language is one line to unfold, with how many files it has
        // (the page was 32,000 pixels on a phone with every language open: phone review of 7 December 2026).
        Assert.DoesNotContain("file-fold", Section(html, "ar"));
        var dutch = Section(html, "nl");
        var folded = Regex.Match(dutch, "<details class=\"file-fold\">\\s*<summary>الملفات \\((\\d+)\\)</summary>");
        Assert.True(folded.Success, "the Dutch files are not folded");
        Assert.Equal(Regex.Matches(dutch, "<li class=\"file-card\">").Count, int.Parse(folded.Groups[1].Value));
        Assert.True(dutch.IndexOf("file-fold", StringComparison.Ordinal) < dutch.IndexOf("Het Gesprek: handboek voor trainers (PDF)", StringComparison.Ordinal));
        Assert.Equal(Regex.Matches(html, "<h2 id=\"taal-").Count - 1, Regex.Matches(html, "<details class=\"file-fold\">").Count);

        // A Dutch visitor sees the Dutch files open and the Arabic ones folded.
        var forDutch = await PageAsync("/nl/downloads");
        Assert.DoesNotContain("file-fold", Section(forDutch, "nl"));
        Assert.Matches("<details class=\"file-fold\">\\s*<summary>Bestanden \\(\\d+\\)</summary>", Section(forDutch, "ar"));
    }

    [Theory]
    [InlineData("/ar/informatie/je-mentor", "ar", "rtl", "آخر تحديث:")]
    [InlineData("/ti/video/je-mentor", "ti", "ltr", "ዝተሓደሰሉ ዕለት፦")]
    [InlineData("/nl/over", "nl", "ltr", "Bijgewerkt op")]
    [InlineData("/prs/informatie/de-zorgverzekering", "prs", "rtl", "آخرین به‌روزرسانی:")]
    public async Task A_text_says_when_it_was_last_updated_in_the_visitors_language_and_calendar(
        string url, string language, string direction, string label)
    {
        var html = await PageAsync(url);
        var line = Regex.Match(html, $"<p class=\"last-updated\" lang=\"{language}\" dir=\"{direction}\">{Regex.Escape(label)} " +
            "<time datetime=\"(\\d{4})-(\\d{2})-(\\d{2})\">([^<]+)</time></p>");
        Assert.True(line.Success, $"no last-updated line on {url}");
        // The shipped content was published when this portal started; the date is shown in the Gregorian calendar (the
        // Persian one would say 1405 on a Dari page).
        Assert.Equal(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Groups[1].Value);
        Assert.EndsWith(line.Groups[1].Value, line.Groups[4].Value);
        Assert.DoesNotContain("last-updated", await PageAsync($"/{language}"));   // not on the home page
    }

    private static string Section(string html, string code)
    {
        var start = html.IndexOf($"<h2 id=\"taal-{code}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task Dutch_release_notes_on_a_right_to_left_page_run_left_to_right()
    {
        var editions = await PageAsync("/ar/handboek/edities");
        Assert.Matches("<p class=\"release-notes\" lang=\"nl\" dir=\"ltr\">", editions);
        var file = await PageAsync("/ar/downloads/ar/je-klantmanager-pdf");
        Assert.Contains("<p class=\"release-notes\" lang=\"nl\" dir=\"ltr\">", file);
        // On a Dutch page they are simply the page's language.
        Assert.Contains("<p class=\"release-notes\">", await PageAsync("/nl/downloads/ar/je-klantmanager-pdf"));
    }

    [Fact]
    public async Task The_handbook_in_Dutch_can_be_read_with_any_interface_language_and_says_Dutch_in_the_readers_words()
    {
        var html = await PageAsync("/ar/handboek");

        var switcher = Switcher(html);
        foreach (var code in new[] { "nl", "en", "ar", "ti", "so", "uk", "fa", "prs" })
            Assert.Contains($"href=\"/{code}/handboek\" lang=\"{code}\"", switcher);
        // Search engines are told only of the text that exists: the Dutch one.
        Assert.Single(Regex.Matches(html, "<link rel=\"alternate\" hreflang="));
        Assert.Contains("<link rel=\"alternate\" hreflang=\"nl\"", html);
        var notice = Regex.Match(html, "<p class=\"notice notice--fallback\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("الهولندية", notice);
        Assert.DoesNotContain("Nederlands", notice);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("ti")]
    [InlineData("so")]
    [InlineData("uk")]
    [InlineData("fa")]
    [InlineData("prs")]
    public async Task Every_home_page_that_promises_the_ministry_its_overview_links_to_it(string code)
    {
        // The overview of municipalities is Dutch only (/en/gemeenten is 404); the home pages described it without a way there.
        Assert.Contains("href=\"/nl/gemeenten\"", await PageAsync($"/{code}"));
    }

    [Fact]
    public async Task Another_language_keeps_the_words_of_a_search()
    {
        var html = await PageAsync("/nl/zoeken?q=mentor");
        Assert.Contains("href=\"/ar/zoeken?q=mentor\" lang=\"ar\"", Switcher(html));
    }

    [Fact]
    public async Task The_page_not_found_is_no_page_of_the_menu_and_no_page_in_another_language()
    {
        var response = await Client().GetAsync("/ar/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("aria-current=\"page\"", html);
        Assert.DoesNotContain("<link rel=\"alternate\"", html);
        Assert.Contains("href=\"/en\" lang=\"en\"", Switcher(html));
    }
}

public sealed class SqliteOtherLanguagesTests(SqlitePortal fixture) : OtherLanguagesTests<SqlitePortal>(fixture);

public sealed class PostgresOtherLanguagesTests(PostgresPortal fixture) : OtherLanguagesTests<PostgresPortal>(fixture);
