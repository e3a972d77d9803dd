using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace JasKnowledge.Tests.Integration.Search;

/// <summary>One suite of queries with their exact expected hits, run against SQLite FTS5 and
/// PostgreSQL full-text search alike.</summary>
public abstract class SearchQueryTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : SearchPortal
{
    [Theory]
    // Inflected forms meet: plural ↔ singular, both ways.
    [InlineData("gesprek", "gesprek")]
    [InlineData("gesprekken", "gesprek")]
    [InlineData("sessie", "")]
    [InlineData("session", "sessions")]
    // A part of a compound finds the compound.
    [InlineData("verklaring", "ondertekening")]
    [InlineData("verzekering", "zorg")]
    // Diacritics are ignored, both ways.
    [InlineData("cafe", "koffie")]
    [InlineData("café", "koffie")]
    [InlineData("CAFÉ", "koffie")]
    // Arabic: article and plural endings, with or without the article.
    [InlineData("مقابلة", "interview")]
    [InlineData("المقابلات", "interview")]
    // Ethiopic script, and a prefix in it.
    [InlineData("ስራሕ", "work")]
    [InlineData("ስራ*", "work")]
    // Persian with the zero-width non-joiner, typed with or without it.
    [InlineData("گفت‌وگو", "goftogu")]
    [InlineData("گفتوگو", "goftogu")]
    // Prefixes, phrases and exclusions.
    [InlineData("onderteken*", "ondertekening")]
    [InlineData("\"het gesprek\"", "gesprek")]
    [InlineData("\"gesprek het\"", "")]
    [InlineData("\"tekenen de participatieverklaring\"", "ondertekening")]
    [InlineData("deelnemers -stadhuis -koffie", "gesprek zorg")]
    [InlineData("-deelnemers", "")]
    // Words in both the title and the text of different documents: all are found.
    [InlineData("koffie", "koffie pauze")]
    [InlineData("deelnemers", "gesprek ondertekening pauze zorg")]
    public async Task A_query_finds_exactly_the_expected_documents(string query, string expected)
    {
        var result = await SearchAsync($"q={Uri.EscapeDataString(query)}");
        var slugs = Slugs(result);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), slugs.Order());
        Assert.Equal(slugs.Count, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Title_matches_come_first()
    {
        var koffie = Slugs(await SearchAsync("q=koffie"));
        Assert.Equal(["koffie", "pauze"], koffie);
        var gesprek = Slugs(await SearchAsync("q=gesprek"));
        Assert.Equal("gesprek", gesprek[0]);
    }

    [Fact]
    public async Task Filters_narrow_the_hits_and_facets_count_per_type_and_language()
    {
        var all = await SearchAsync("q=deelnemers");
        Assert.Equal(3, all.GetProperty("facets").GetProperty("type").GetProperty("page").GetInt32());
        Assert.Equal(1, all.GetProperty("facets").GetProperty("type").GetProperty("info-sheet").GetInt32());
        Assert.Equal(4, all.GetProperty("facets").GetProperty("lang").GetProperty("nl").GetInt32());

        var sheets = await SearchAsync("q=deelnemers&type=info-sheet");
        Assert.Equal(["zorg"], Slugs(sheets));
        // The type facets still show what the other types would give.
        Assert.Equal(3, sheets.GetProperty("facets").GetProperty("type").GetProperty("page").GetInt32());

        var english = await SearchAsync("q=sessions&lang=en");
        Assert.Equal(["sessions"], Slugs(english));
        Assert.Empty(Slugs(await SearchAsync("q=sessions&lang=nl")));
    }

    [Fact]
    public async Task Hits_carry_title_url_type_culture_and_a_highlighted_escaped_snippet()
    {
        var result = await SearchAsync("q=gesprekken");
        var hit = result.GetProperty("results")[0];
        Assert.Equal("Het Gesprek", hit.GetProperty("title").GetString());
        Assert.Equal("/nl/gesprek", hit.GetProperty("url").GetString());
        Assert.Equal("page", hit.GetProperty("type").GetString());
        Assert.Equal("nl", hit.GetProperty("culture").GetString());
        Assert.Contains("<mark>gesprekken</mark>", hit.GetProperty("snippet").GetString());

        var markup = (await SearchAsync("q=vette")).GetProperty("results")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("&lt;b&gt;<mark>vette</mark>&lt;/b&gt;", markup);
        Assert.Contains("&amp;", markup);
        Assert.DoesNotContain("<b>", markup);
        Assert.DoesNotContain("javascript", markup);
    }

    [Fact]
    public async Task The_search_page_shows_hits_facets_and_keeps_the_query_in_the_url()
    {
        var client = portal.Factory.CreateClient();
        var html = await client.GetStringAsync("/nl/zoeken?q=" + Uri.EscapeDataString("gesprekken -<script>"));
        Assert.Contains("value=\"gesprekken -&lt;script&gt;\"", html);
        Assert.Contains("href=\"/nl/gesprek\"", html);
        Assert.Contains("<mark>gesprekken</mark>", html);
        Assert.Contains("/nl/zoeken?q=gesprekken%20-%3Cscript%3E&amp;lang=all", html);
        Assert.DoesNotContain("<script>", html);

        // Results in the visitor's language by default; other languages one link away.
        var arabic = await client.GetStringAsync("/nl/zoeken?q=" + Uri.EscapeDataString("مقابلة"));
        Assert.DoesNotContain("href=\"/ar/interview\"", arabic);
        Assert.Contains("lang=all", arabic);
        var anyLanguage = await client.GetStringAsync("/nl/zoeken?lang=all&q=" + Uri.EscapeDataString("مقابلة"));
        Assert.Contains("href=\"/ar/interview\"", anyLanguage);
    }

    [Theory]
    [InlineData("ar", "مقابلة", "/ar/interview")]
    [InlineData("fa", "گفتوگو", "/fa/goftogu")]
    [InlineData("ti", "ስራሕ", "/ti/work")]
    public async Task The_search_page_works_in_the_language_of_the_hits(string culture, string query, string url)
    {
        // Numbers formatted under the request's culture once broke the SQL (Arabic minus sign).
        var response = await portal.Factory.CreateClient().GetAsync($"/{culture}/zoeken?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"{url}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    // Typos, one edit for words of 4 to 7 letters and two from 8 letters: the intended document comes first.
    [InlineData("gesprk", "gesprek")]
    [InlineData("koffe", "koffie")]
    [InlineData("participatieverklaing", "ondertekening")]
    [InlineData("ondertekenig", "ondertekening")]
    [InlineData("zorgverzekring", "zorg")]
    [InlineData("stadhiuss", "ondertekening")]
    [InlineData("sesions", "sessions")]
    [InlineData("tuesdy", "sessions")]
    [InlineData("العمال", "interview")]
    [InlineData("ምድላዩ", "work")]
    [InlineData("گفتگو", "goftogu")]
    [InlineData("gesprk -stadhuis", "gesprek")]
    public async Task A_query_with_a_typo_finds_the_intended_document_first(string query, string first)
    {
        var slugs = Slugs(await SearchAsync($"q={Uri.EscapeDataString(query)}"));
        Assert.NotEmpty(slugs);
        Assert.Equal(first, slugs[0]);
    }

    [Theory]
    // Never for words of 1 to 3 letters, and a word that has a match is not corrected.
    [InlineData("kof", "")]
    [InlineData("pauze", "pauze")]
    [InlineData("thee", "pauze")]
    public async Task Short_words_and_words_that_match_are_not_corrected(string query, string expected)
    {
        var result = await SearchAsync($"q={Uri.EscapeDataString(query)}");
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Slugs(result));
    }

    [Fact]
    public async Task The_page_says_which_words_were_also_searched_and_suggests_a_close_word_when_nothing_is_found()
    {
        var client = portal.Factory.CreateClient();
        var corrected = await client.GetStringAsync("/nl/zoeken?q=gesprk");
        Assert.Contains("(ook gezocht op: <bdi lang=\"\">gesprek</bdi>)", corrected);
        Assert.Matches("resulta(at|ten) voor ‘<bdi lang=\"\">gesprk</bdi>’", corrected);
        // In Arabic a Latin query kept its quotes only as its own run: the count had landed inside them.
        Assert.Contains("<bdi lang=\"\">gesprk</bdi>", await client.GetStringAsync("/ar/zoeken?q=gesprk&lang=all"));
        Assert.Contains("href=\"/nl/gesprek\"", corrected);
        var english = await client.GetStringAsync("/en/zoeken?q=gesprk&lang=all");
        Assert.Contains("(also searched for: <bdi lang=\"\">gesprek</bdi>)", english);

        // Two edits in a word of five letters: not searched automatically, but suggested.
        var nothing = await client.GetStringAsync("/nl/zoeken?q=kofee");
        Assert.Contains("Geen resultaten", nothing);
        Assert.Contains("Bedoelde u <a href=\"/nl/zoeken?q=koffie\">koffie</a>?", nothing);
        var arabic = await client.GetStringAsync("/ar/zoeken?q=kofee&lang=all");
        Assert.Contains("<a href=\"/ar/zoeken?q=koffie&amp;lang=all\">koffie</a>", arabic);
        Assert.DoesNotContain("Bedoelde u", await client.GetStringAsync("/nl/zoeken?q=qqqqqqq"));

        // The API says the same as data.
        var correctedApi = await SearchAsync("q=gesprk");
        Assert.Equal(["gesprek"], correctedApi.GetProperty("alsoSearchedFor").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(JsonValueKind.Null, correctedApi.GetProperty("suggestion").ValueKind);
        var nothingApi = await SearchAsync("q=kofee");
        Assert.Equal(0, nothingApi.GetProperty("total").GetInt32());
        Assert.Equal("koffie", nothingApi.GetProperty("suggestion").GetString());
        Assert.Empty(nothingApi.GetProperty("alsoSearchedFor").EnumerateArray());
    }

    [Fact]
    public async Task A_very_long_query_is_cut_with_a_notice()
    {
        var text = string.Concat(Enumerable.Repeat("gesprek ", 1300));
        var response = await portal.Factory.CreateClient().GetAsync("/nl/zoeken?q=" + Uri.EscapeDataString(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("De zoekvraag was te lang: er is gezocht op de eerste 200 tekens.", html);
        Assert.Contains("href=\"/nl/gesprek\"", html);
        var api = await SearchAsync("q=" + Uri.EscapeDataString(text));
        Assert.InRange(api.GetProperty("query").GetString()!.Length, 190, SearchQueryLimit);
        Assert.True(api.GetProperty("queryCut").GetBoolean());
        Assert.False((await SearchAsync("q=gesprek")).GetProperty("queryCut").GetBoolean());
    }

    [Theory]
    [InlineData("lang=xx", "Unknown language")]
    [InlineData("type=recipe", "Unknown type")]
    [InlineData("page=0", "Invalid page")]
    [InlineData("page=abc", "Invalid page")]
    public async Task Bad_filters_get_a_400_that_says_what_is_allowed(string parameter, string title)
    {
        var response = await portal.Factory.CreateClient().GetAsync($"/api/v1/search?q=koffie&{parameter}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_query_gives_no_results_and_no_error()
    {
        var result = await SearchAsync("q=");
        Assert.Equal(0, result.GetProperty("total").GetInt32());
        var page = await portal.Factory.CreateClient().GetAsync("/nl/zoeken");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_answer_says_how_long_the_index_took()
    {
        var response = await portal.Factory.CreateClient().GetAsync("/api/v1/search?q=koffie%20-nergenswoord");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timing = Assert.Single(response.Headers.GetValues("Server-Timing"));
        var match = System.Text.RegularExpressions.Regex.Match(timing, @"^index;dur=(\d+(\.\d{1,3})?);desc=""search index""$");
        Assert.True(match.Success, timing);
        // A first asking searched the index: some time passed, and far less than a minute.
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.001, 60_000);
    }

    private const int SearchQueryLimit = 200;

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await portal.Factory.CreateClient().GetAsync("/api/v1/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static List<string> Slugs(JsonElement result) =>
        result.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("url").GetString()!.Split('/')[^1]).ToList();
}

public sealed class SqliteSearchQueryTests(SqliteSearchPortal portal) : SearchQueryTests<SqliteSearchPortal>(portal);
public sealed class PostgresSearchQueryTests(PostgresSearchPortal portal) : SearchQueryTests<PostgresSearchPortal>(portal);
