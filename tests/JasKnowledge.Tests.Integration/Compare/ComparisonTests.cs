using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Compare;

/// <summary>Two handbook editions compared chapter by chapter, and two versions of an information
/// sheet compared, through HTTP on both databases.</summary>
public abstract class ComparisonTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Editions_1_0_and_1_1_show_the_known_change_in_session_9_word_by_word()
    {
        var response = await Client().GetAsync("/nl/handboek/edities/1.0...1.1");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Editie 1.0 en 1.1 vergeleken</h1>", html);
        // Release notes of 1.1: session 9 looks back at the expectations wall of session 1.
        var session9 = Section(html, "hoofdstuk-sessie-9-de-participatieverklaring");
        Assert.Contains("Gewijzigd", session9);
        Assert.Matches("<ins><span class=\"visually-hidden\" lang=\"nl\" dir=\"ltr\">\\[toegevoegd\\] </span>[^<]*verwachtingenmuur", session9);
        Assert.Contains("<div class=\"word-diff\" lang=\"nl\" dir=\"ltr\">", session9);
        // The introduction changed too; the sessions in between did not, and are folded away.
        Assert.Contains("id=\"hoofdstuk-inleiding\"", html);
        Assert.Contains("<del>", Section(html, "hoofdstuk-inleiding"));
        Assert.Contains("<details class=\"chapter-change chapter-change--unchanged\">", html);
        Assert.DoesNotContain("id=\"hoofdstuk-sessie-4-werk-inkomen-en-de-uitkering\"", html);
        Assert.Contains("Hoofdstukken: 2 gewijzigd, 0 toegevoegd, 0 verwijderd,", html);
        Assert.Contains("action=\"/nl/handboek/edities/vergelijken\"", html);
    }

    [Fact]
    public async Task Editions_far_apart_compare_too_and_show_what_1_3_changed()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/handboek/edities/1.0...1.3"));
        var latest = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/handboek/edities/1.2...1.3"));

        Assert.Contains("verwachtingenmuur", Section(html, "hoofdstuk-sessie-9-de-participatieverklaring"));
        Assert.Matches("\\[toegevoegd\\] </span>\\s?meestal", Section(latest, "hoofdstuk-sessie-6-gezondheid-en-de-zorgverzekering"));
    }

    [Theory]
    [InlineData("/nl/handboek/edities/1.1...1.0", "/nl/handboek/edities/1.0...1.1")]
    [InlineData("/ar/handboek/edities/1.3...1.0", "/ar/handboek/edities/1.0...1.3")]
    [InlineData("/nl/handboek/edities/1.0...1.1", null)]
    public async Task The_older_edition_comes_first_and_the_reversed_address_is_redirected(string path, string? location)
    {
        var response = await Client().GetAsync(path);

        if (location is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_edition_compared_with_itself_says_there_is_no_difference()
    {
        var response = await Client().GetAsync("/nl/handboek/edities/1.1...1.1");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U vergelijkt editie 1.1 met zichzelf", html);
        Assert.DoesNotContain("class=\"word-diff\"", html);
    }

    [Theory]
    [InlineData("/nl/handboek/edities/1.0...9.9", "Editie 9.9 bestaat niet")]
    [InlineData("/nl/handboek/edities/onzin...1.1", "Editie onzin bestaat niet")]
    [InlineData("/nl/handboek/edities/1.0....1.1", "bestaat niet")]
    [InlineData("/en/handboek/edities/1.0...2.0", "Edition 2.0 does not exist")]
    [InlineData("/ar/handboek/edities/x...1.0", "الطبعة x غير موجودة")]
    public async Task An_unknown_edition_answers_404_with_a_clear_message_and_the_form(string path, string message)
    {
        var response = await Client().GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("name=\"van\"", html);
    }

    [Fact]
    public async Task Long_addresses_and_query_strings_get_a_clear_answer_never_a_server_error()
    {
        var long1 = new string('9', 3000);
        var choice = await Client().GetAsync($"/nl/handboek/edities/vergelijken?van={long1}&naar=1.0");
        var unknown = await Client().GetAsync(choice.Headers.Location!.OriginalString);
        var padded = await Client().GetAsync($"/nl/handboek/edities/1.0...1.1?extra={new string('x', 6000)}");
        var sheet = await Client().GetAsync($"/nl/informatie/de-zorgverzekering/versies?van={long1}&naar=-1");

        Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("bestaat niet", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, padded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
        Assert.Contains("Versie 9999999999", WebUtility.HtmlDecode(await sheet.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_editions_form_leads_to_the_comparison_and_each_edition_links_to_its_change()
    {
        var editions = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/handboek/edities"));
        var chosen = await Client().GetAsync("/nl/handboek/edities/vergelijken?van=1.0&naar=1.2");
        var empty = await Client().GetAsync("/nl/handboek/edities/vergelijken");

        Assert.Contains("<form class=\"compare-form\" method=\"get\" action=\"/nl/handboek/edities/vergelijken\"", editions);
        Assert.Contains("href=\"/nl/handboek/edities/1.2...1.3\">Wat is er veranderd sinds editie 1.2?</a>", editions);
        Assert.Contains("href=\"/nl/handboek/edities/1.0...1.1\">Wat is er veranderd sinds editie 1.0?</a>", editions);
        Assert.Equal("/nl/handboek/edities/1.0...1.2", chosen.Headers.Location!.OriginalString);
        Assert.Equal("/nl/handboek/edities#vergelijken", empty.Headers.Location!.OriginalString);
        Assert.Contains("href=\"/nl/handboek/edities/1.2...1.3\"", WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/handboek/edities/1.3")));
    }

    [Theory]
    [InlineData("en", "Editions 1.0 and 1.1 compared")]
    [InlineData("ar", "مقارنة الطبعة 1.0 بالطبعة 1.1")]
    [InlineData("ti", "ሕታም 1.0 ምስ ሕታም 1.1 ተነጻጺሩ")]
    [InlineData("prs", "مقایسهٔ چاپ 1.0 و چاپ 1.1")]
    [InlineData("fa", "مقایسهٔ ویرایش 1.0 و ویرایش 1.1")]
    [InlineData("so", "Daabacaadda 1.0 iyo 1.1 oo la isbarbar dhigay")]
    [InlineData("uk", "Порівняння видань 1.0 і 1.1")]
    public async Task The_comparison_is_in_every_language_with_the_dutch_text_marked_as_dutch(string culture, string title)
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync($"/{culture}/handboek/edities/1.0...1.1"));

        Assert.Contains(title, html);
        Assert.Contains("<div class=\"word-diff\" lang=\"nl\" dir=\"ltr\">", html);
        Assert.Contains($"<span class=\"visually-hidden\" lang=\"{culture}\"", html);
    }

    [Fact]
    public async Task Two_published_versions_of_a_sheet_in_one_language_are_compared_and_drafts_are_not_listed()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = await store.CreateAsync(
            "info-sheet", "ar", "informatie/vergelijk-proef", "vergelijk-proef",
            new VersionText("التأمين الصحي", "التأمين الصحي إلزامي في هولندا.",
                ChangeNote: "النسخة الأولى"), "redacteur@example.org");
        await store.PublishAsync(item, 1, "redacteur@example.org");
        await store.PublishNewVersionAsync(
            item, new VersionText("التأمين الصحي", "التأمين الصحي إلزامي للجميع في هولندا.",
                ChangeNote: "توضيح"), "redacteur@example.org");
        await store.SaveDraftAsync(item, new VersionText("مسودة", "نص لم يُنشر بعد."), "redacteur@example.org");

        var sheet = await Client().GetStringAsync("/ar/informatie/vergelijk-proef");
        var list = WebUtility.HtmlDecode(await Client().GetStringAsync("/ar/informatie/vergelijk-proef/versies"));
        var compared = await Client().GetAsync("/ar/informatie/vergelijk-proef/versies?van=1&naar=2");
        var html = WebUtility.HtmlDecode(await compared.Content.ReadAsStringAsync());
        var reversed = await Client().GetAsync("/ar/informatie/vergelijk-proef/versies?van=2&naar=1");
        var same = WebUtility.HtmlDecode(await Client().GetStringAsync("/ar/informatie/vergelijk-proef/versies?van=2&naar=2"));
        var draft = await Client().GetAsync("/ar/informatie/vergelijk-proef/versies?van=1&naar=3");

        Assert.Contains("href=\"/ar/informatie/vergelijk-proef/versies\"", sheet);
        Assert.Contains("النسخة 2", list);
        Assert.DoesNotContain("النسخة 3", list);
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        Assert.Contains("<div class=\"word-diff\" lang=\"ar\" dir=\"rtl\">", html);
        Assert.Matches("<ins><span class=\"visually-hidden\" lang=\"ar\" dir=\"rtl\">\\[إضافة\\] </span>\\s?للجميع", html);
        Assert.Equal(HttpStatusCode.MovedPermanently, reversed.StatusCode);
        Assert.Equal("/ar/informatie/vergelijk-proef/versies?van=1&naar=2", reversed.Headers.Location!.OriginalString);
        Assert.Contains("أنت تقارن النسخة 2 بنفسها", same);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Contains("النسخة 3 غير موجودة", WebUtility.HtmlDecode(await draft.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_sheet_with_one_version_says_so_and_an_unknown_sheet_is_404()
    {
        var one = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/informatie/de-zorgverzekering/versies"));
        var missing = await Client().GetAsync("/nl/informatie/bestaat-niet/versies");
        var letters = await Client().GetAsync("/nl/informatie/de-zorgverzekering/versies?van=een&naar=twee");

        Assert.Contains("nog maar één versie", one);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, letters.StatusCode);
        Assert.Contains("Versie een bestaat niet", WebUtility.HtmlDecode(await letters.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_editions_texts_are_listed_nowhere_yet_the_comparison_still_reads_them()
    {
        const string internalSlug = "het-gesprek-handboek-bron";
        var downloads = await Client().GetStringAsync("/nl/downloads");
        var api = await Client().GetStringAsync("/api/v1/downloads");
        var feed = await Client().GetStringAsync("/feeds/editions.atom");
        var sitemap = await Client().GetStringAsync("/sitemap.xml");
        var search = await Client().GetStringAsync("/api/v1/search?q=brontekst&lang=nl");
        var files = await Client().GetStringAsync("/api/v1/search?q=handboek&lang=nl&type=download");
        var compared = await Client().GetAsync("/nl/handboek/edities/1.2...1.3");

        // The editions themselves (PDF and Word) stay listed: the rule removes only the internal family.
        Assert.Contains("het-gesprek-handboek-pdf", downloads);
        Assert.Contains("het-gesprek-handboek-docx", api);
        Assert.Contains("het-gesprek-handboek-pdf", files);
        foreach (var listing in new[] { downloads, api, feed, sitemap, search, files })
            Assert.DoesNotContain(internalSlug, listing);
        Assert.Contains("\"total\":0", search); // only the kept texts' title says "brontekst"
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        Assert.Contains("class=\"word-diff\"", await compared.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_edition_in_the_feed_links_to_its_comparison_with_the_edition_before()
    {
        var feed = System.Xml.Linq.XDocument.Parse(await Client().GetStringAsync("/feeds/editions.atom"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        string? Related(string slug, string version) => feed.Root!.Elements(atom + "entry")
            .Single(e => e.Element(atom + "id")!.Value == $"urn:jasknowledge:file:nl:{slug}:{version}")
            .Elements(atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "related")?.Attribute("href")?.Value;

        Assert.Equal("http://localhost/nl/handboek/edities/1.2...1.3", Related("het-gesprek-handboek-pdf", "1.3"));
        Assert.Equal("http://localhost/nl/handboek/edities/1.0...1.1", Related("het-gesprek-handboek-pdf", "1.1"));
        Assert.Equal("http://localhost/nl/handboek/edities/1.1...1.2", Related("het-gesprek-handboek-docx", "1.2"));
        // The first edition has nothing before it; other files are not compared.
        Assert.Null(Related("het-gesprek-handboek-pdf", "1.0"));
        Assert.Null(Related("de-zorgverzekering-pdf", "1"));
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync("/nl/handboek/edities/1.2...1.3")).StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_the_versions_of_a_sheet_in_a_language_with_two_or_more_published_versions()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = await store.CreateAsync(
            "info-sheet", "so", "informatie/sitemap-proef", "sitemap-proef",
            new VersionText("Caymiska", "Qoraalka koowaad."), "redacteur@example.org");
        await store.PublishAsync(item, 1, "redacteur@example.org");
        var once = await Client().GetStringAsync("/sitemap.xml");
        await store.PublishNewVersionAsync(item, new VersionText("Caymiska", "Qoraalka labaad."), "redacteur@example.org");
        var twice = await Client().GetStringAsync("/sitemap.xml");

        Assert.DoesNotContain("/so/informatie/sitemap-proef/versies", once);
        Assert.Contains("<loc>http://localhost/so/informatie/sitemap-proef/versies</loc>", twice);
        // A shipped sheet has one version in each language: nothing to compare, not listed.
        Assert.DoesNotContain("/nl/informatie/de-zorgverzekering/versies", twice);
    }

    /// <summary>The chapter section with this heading id, up to the next chapter.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No chapter {id} on the page.");
        var end = html.IndexOf("class=\"chapter-change", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}

public sealed class SqliteComparisonTests(SqlitePortal fixture) : ComparisonTests<SqlitePortal>(fixture);

public sealed class PostgresComparisonTests(PostgresPortal fixture) : ComparisonTests<PostgresPortal>(fixture);
