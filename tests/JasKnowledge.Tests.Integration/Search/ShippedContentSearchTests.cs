using JasKnowledge.Web.Features.Search;
using System.Net.Http.Json;
using System.Text.Json;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Search;

/// <summary>Every kind of shipped material is found: handbook chapters, sheets in every language,
/// words spoken in a video (its subtitles), and the release notes of downloads.</summary>
public abstract class ShippedContentSearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    [Theory]
    [InlineData("q=participatieverklaring&type=handbook-chapter&lang=nl", "/nl/handboek/sessie-9-de-participatieverklaring")]
    // Only in the subtitles of the video, not in its description.
    [InlineData("q=gelijkwaardigheid&type=video&lang=nl", "/nl/video/het-gesprek")]
    // Only in the release notes of the handbook's 1.1 edition.
    [InlineData("q=verwachtingenmuur&type=download", "/nl/downloads/nl/het-gesprek-handboek-pdf")]
    [InlineData(
        "q=%D8%A7%D9%84%D8%AA%D8%A3%D9%85%D9%8A%D9%86%20%D8%A7%D9%84%D8%B5%D8%AD%D9%8A&lang=ar&type=info-sheet", "/ar/informatie/de-zorgverzekering")]
    [InlineData("q=%E1%88%98%E1%8B%B5%E1%88%95%E1%8A%95&lang=ti&type=info-sheet", "/ti/informatie/de-zorgverzekering")]
    public async Task Each_kind_of_material_is_found(string query, string url)
    {
        var result = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?" + query);
        var urls = result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()).ToList();
        Assert.Contains(url, urls);
    }

    /// <summary>How long the index took shows whether an answer was remembered, and so whether others asked the same
    /// question: not told unless an operator switches it on (Jas:Search:ServerTiming).</summary>
    [Fact]
    public async Task An_answer_does_not_say_how_long_the_index_took_unless_switched_on()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/v1/search?q=participatieverklaring");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    /// <summary>A film's page offers its renditions and pictures. Until 6 December 2026 each was a hit of its own, so
    /// five of the first ten hits for "participatieverklaring" were one film's files (its posters among them).</summary>
    [Fact]
    public async Task A_film_is_one_hit_and_its_files_stay_in_the_downloads()
    {
        var client = fixture.Factory.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=participatieverklaring&lang=nl");
        var urls = result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
        var films = (await client.GetFromJsonAsync<JsonElement>("/api/v1/downloads"))
            .EnumerateArray().Select(d => d.GetProperty("slug").GetString()!).Where(slug => slug.StartsWith("het-gesprek-", StringComparison.Ordinal)
            && (slug.EndsWith("-video", StringComparison.Ordinal) || slug.Contains("-poster") || slug.EndsWith("-thumbnail-webp", StringComparison.Ordinal)
            || slug.EndsWith("-video-360p", StringComparison.Ordinal))).ToList();

        Assert.Contains("/nl/video/het-gesprek", urls);
        Assert.Equal(5, films.Count);
        Assert.DoesNotContain(urls, url => films.Any(film => url.EndsWith("/" + film, StringComparison.Ordinal)));
        // The sheet's PDF is not a film's file: it is still found, by its title.
        Assert.Contains("/nl/downloads/nl/het-gesprek-en-de-participatieverklaring-pdf", urls);
        Assert.Equal(1, result.GetProperty("facets").GetProperty("type").GetProperty("video").GetInt32());
    }

    /// <summary>A file's text is the release notes its editors write in Dutch; on the Arabic search page they are marked as
    /// Dutch, so they run left to right and a screen reader reads them in Dutch.</summary>
    [Fact]
    public async Task The_dutch_release_notes_of_an_arabic_file_are_marked_as_dutch()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync(
            "/ar/zoeken?q=%D8%A7%D9%84%D8%AA%D8%A3%D9%85%D9%8A%D9%86%20%D8%A7%D9%84%D8%B5%D8%AD%D9%8A&type=download");

        var hit = System.Text.RegularExpressions.Regex.Match(
            html, "<li class=\"search-hit\" lang=\"ar\" dir=\"rtl\">.*?</li>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(hit.Success, "no Arabic file among the hits");
        Assert.Contains("<p class=\"search-hit__snippet\" lang=\"nl\" dir=\"ltr\">", hit.Value);
        Assert.Contains("PDF", hit.Value);
    }

    /// <summary>Found by the attack of 5 December 2026: the words of several one-letter prefixes together passed
    /// Lucene's 1,024 clauses in the snippets' marks, and the search answered 500.</summary>
    [Theory]
    [InlineData("/api/v1/search?q=a*+b*+c*+d*+e*+f*")]
    [InlineData("/api/v1/search?q=i*+l*+b*+s*+a*&lang=so")]
    [InlineData("/nl/zoeken?q=a*+b*+c*+d*+e*+f*+g*+h*")]
    public async Task Many_short_prefixes_together_give_results(string url)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        Assert.Contains("<mark>", body);
    }

    [Fact]
    public async Task The_search_page_pages_on_and_shows_the_hits_the_API_gives_for_that_page()
    {
        var client = fixture.Factory.CreateClient();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=gesprek&lang=nl&page=2");
        Assert.True(api.GetProperty("pageCount").GetInt32() >= 3);
        var second = await client.GetStringAsync("/nl/zoeken?q=gesprek&page=2");
        var first = await client.GetStringAsync("/nl/zoeken?q=gesprek");
        Assert.Equal(api.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList(), HitUrls(second));
        Assert.Empty(HitUrls(first).Intersect(HitUrls(second)));
        Assert.Contains("rel=\"prev\"", second);
        Assert.Contains("href=\"/nl/zoeken?q=gesprek&amp;page=3\" rel=\"next\"", second);
    }

    /// <summary>Found by the attack of 6 December 2026: ?lang=NL found nothing while the facets said nl had hits; a page past the
    /// last gave the last page again, so a client paging until a page is empty never stopped.</summary>
    [Fact]
    public async Task The_API_takes_a_language_in_capitals_and_ends_its_pages()
    {
        var client = fixture.Factory.CreateClient();
        var lower = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=gesprek&lang=nl");
        var upper = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=gesprek&lang=NL");
        Assert.True(lower.GetProperty("total").GetInt32() > 0);
        Assert.Equal(lower.GetProperty("total").GetInt32(), upper.GetProperty("total").GetInt32());
        Assert.NotEmpty(await client.GetFromJsonAsync<JsonElement[]>("/api/v1/content?lang=Nl") ?? []);

        var pageCount = lower.GetProperty("pageCount").GetInt32();
        var past = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q=gesprek&lang=nl&page={pageCount + 1}");
        Assert.Empty(past.GetProperty("results").EnumerateArray());
        Assert.Equal(pageCount + 1, past.GetProperty("page").GetInt32());
        Assert.Equal(lower.GetProperty("total").GetInt32(), past.GetProperty("total").GetInt32());
        var last = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q=gesprek&lang=nl&page={pageCount}");
        Assert.NotEmpty(last.GetProperty("results").EnumerateArray());
        var beyond = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q=gesprek&page={int.MaxValue}");
        Assert.Empty(beyond.GetProperty("results").EnumerateArray());
        Assert.Equal(int.MaxValue, beyond.GetProperty("page").GetInt32());
    }

    private static List<string> HitUrls(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<h2 class=\"search-hit__title\" id=\"hit-\\d+\"><a href=\"([^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task Every_hit_links_to_a_page_that_exists()
    {
        var client = fixture.Factory.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=gesprek");
        var facets = result.GetProperty("facets").GetProperty("type");
        foreach (var type in new[] { "handbook-chapter", "info-sheet", "video", "page", "download" })
        {
            Assert.True(facets.TryGetProperty(type, out var count) && count.GetInt32() > 0, type);
            var hits = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q=gesprek&type={type}");
            foreach (var hit in hits.GetProperty("results").EnumerateArray())
            {
                var response = await client.GetAsync(hit.GetProperty("url").GetString());
                Assert.True(response.IsSuccessStatusCode, $"{hit.GetProperty("url")}: {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>Tigrinya writes a short word onto a word with an apostrophe (ጠበቓ'ውን, "a lawyer either"): the word is
    /// found on its own, and the snippet marks it (the material has ጠበቓ only so).</summary>
    [Theory]
    [InlineData("q=%E1%8C%A0%E1%89%A0%E1%89%93&lang=ti", "/ti/informatie/je-mentor", "<mark>ጠበቓ</mark>&#x27;ውን")]
    public async Task A_Tigrinya_word_is_found_where_a_short_word_is_written_onto_it(string query, string url, string marked)
    {
        var result = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?" + query);
        var hit = result.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("url").GetString() == url);
        Assert.Contains(marked, hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    /// <summary>"24x24" is two words to the index; its marks touched and showed as "24 x24" (review on a phone, 7 December).</summary>
    [Fact]
    public async Task Marks_that_touch_are_one_mark()
    {
        var result = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=24x24&lang=nl");
        var snippets = result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("snippet").GetString()!).ToList();
        Assert.Contains(snippets, s => s.Contains("<mark>24x24</mark>", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("</mark><mark>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("q=pauze&lang=nl&type=handbook-chapter", "/nl/handboek/inleiding", "Hoe dit handboek is opgebouwd")]
    [InlineData("q=%D9%85%D8%AD%D8%A7%D9%85%D9%8A%D9%8B%D8%A7&lang=ar", "/ar/informatie/je-mentor", "ماذا لا يفعل المرشد؟")]
    [InlineData("q=%E1%8C%A0%E1%89%A0%E1%89%93&lang=ti&type=info-sheet", "/ti/informatie/je-mentor", "ኣማኻሪ እንታይ ኣይገብርን?")]
    public async Task A_hit_under_a_heading_links_to_that_heading_on_its_page(string query, string url, string heading)
    {
        var client = fixture.Factory.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?" + query);
        var hit = result.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("url").GetString() == url);

        var section = hit.GetProperty("section");
        Assert.Equal(heading, section.GetProperty("title").GetString());
        var sectionUrl = section.GetProperty("url").GetString()!;
        Assert.StartsWith(url + "#", sectionUrl, StringComparison.Ordinal);
        var page = await client.GetStringAsync(url);
        Assert.Contains($"id=\"{Uri.UnescapeDataString(sectionUrl[(url.Length + 1)..])}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_section_link_lands_on_a_heading_of_its_page()
    {
        var client = fixture.Factory.CreateClient();
        var checkedLinks = new HashSet<string>();
        foreach (var query in new[] { "gesprek", "werk", "koffie", "trainer", "klantmanager", "uitkering", "school", "huis" })
        {
            var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={query}");
            foreach (var hit in result.GetProperty("results").EnumerateArray())
            {
                if (hit.GetProperty("section").ValueKind == JsonValueKind.Null) continue;
                var url = hit.GetProperty("url").GetString()!;
                var sectionUrl = hit.GetProperty("section").GetProperty("url").GetString()!;
                if (!checkedLinks.Add(sectionUrl)) continue;
                Assert.StartsWith(url + "#", sectionUrl, StringComparison.Ordinal);
                var page = await client.GetStringAsync(url);
                Assert.Contains($"id=\"{Uri.UnescapeDataString(sectionUrl[(url.Length + 1)..])}\"", page, StringComparison.Ordinal);
            }
        }
        Assert.True(checkedLinks.Count >= 10, $"{checkedLinks.Count} section links");
    }
}

public sealed class SqliteShippedContentSearchTests(SqlitePortal fixture) : ShippedContentSearchTests<SqlitePortal>(fixture);
public sealed class PostgresShippedContentSearchTests(PostgresPortal fixture) : ShippedContentSearchTests<PostgresPortal>(fixture);
