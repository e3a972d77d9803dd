using System.Text.RegularExpressions;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;

namespace JasKnowledge.Tests.Unit;

/// <summary>The rules of search that do not need a database: how words become terms, how a query is
/// read, how a snippet is made, and that nothing typed can become database query syntax.</summary>
public sealed class SearchAnalysisTests
{
    [Theory]
    // Snowball's Dutch stemmer: inflected forms meet.
    [InlineData("gesprekken", "gesprek")]
    [InlineData("gesprek", "gesprek")]
    [InlineData("verklaringen", "verklar")]
    [InlineData("verklaring", "verklar")]
    [InlineData("deelnemers", "deelnemer")]
    [InlineData("lichamelijk", "licham")]
    [InlineData("opleidingen", "opleid")]
    [InlineData("maan", "man")]
    [InlineData("mogelijkheden", "mogelijk")]
    [InlineData("ab", "ab")]
    public void Dutch_words_are_stemmed(string word, string stem) => Assert.Equal(stem, DutchStemmer.Stem(word));

    [Theory]
    [InlineData("gesprekken", "gesprek")]
    [InlineData("klantmanagers", "klantmanager")]
    [InlineData("zorgverzekeringen", "zorgverzekering")]
    [InlineData("trainingen", "training")]
    public void Dutch_inflections_share_a_stem(string a, string b) => Assert.Equal(DutchStemmer.Stem(b), DutchStemmer.Stem(a));

    [Theory]
    [InlineData("sessions", "session")]
    [InlineData("studies", "study")]
    [InlineData("class", "class")]
    [InlineData("bus", "bus")]
    public void English_plurals_meet_their_singular(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("المقابلة", "مقابلات")]
    [InlineData("والعمل", "عمل")]
    public void Arabic_article_and_endings_are_stripped(string a, string b) =>
        Assert.Equal(TextAnalyzer.Stem(TextAnalyzer.Words(b).Single(), "ar"), TextAnalyzer.Stem(TextAnalyzer.Words(a).Single(), "ar"));

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("ÉÉN", "een")]
    [InlineData("naïef", "naief")]
    [InlineData("مُقَابَلَة", "مقابله")]
    [InlineData("أحمد", "احمد")]
    [InlineData("گفت‌وگو", "گفتوگو")]
    [InlineData("فارسی", "فارسي")]
    [InlineData("١٢٣", "123")]
    [InlineData("мій", "мій")]
    [InlineData("ትግርኛ", "ትግርኛ")]
    public void Folding_ignores_case_latin_accents_and_arabic_vowels_but_keeps_letters_of_other_scripts(string word, string folded) =>
        Assert.Equal(folded, TextAnalyzer.Words(word).Single());

    [Fact]
    public void Words_are_split_on_anything_but_letters_digits_and_marks()
    {
        Assert.Equal(["24x24", "aanpak", "e", "mail", "wat"], TextAnalyzer.Words("De 24x24-aanpak: e-mail? Wat!").Skip(1));
        Assert.Equal(["ሰላም", "ዓለም"], TextAnalyzer.Words("ሰላም፡ዓለም።"));
        Assert.Empty(TextAnalyzer.Words("😀 \ud800 \u0001 <>&\"'"));
        Assert.Equal(["𝔊a"], TextAnalyzer.Words("𝔊a"));
    }

    [Fact]
    public void A_query_is_read_into_words_phrases_prefixes_and_exclusions()
    {
        var query = SearchQuery.Parse("gesprekken \"het gesprek\" gespr* -stadhuis", "nl");
        Assert.Equal(4, query.Clauses.Count);
        Assert.Equal(["gesprek"], query.Clauses[0].Alternatives.Single().Terms);
        Assert.Equal("gesprek", query.Clauses[0].CompoundPart);
        Assert.True(query.Clauses[1].IsPhrase);
        Assert.Equal(["het", "gesprek"], query.Clauses[1].Alternatives.Single().Terms);
        Assert.True(query.Clauses[2].Alternatives.All(a => a.LastIsPrefix));
        Assert.Null(query.Clauses[2].CompoundPart);
        Assert.True(query.Clauses[3].IsExcluded);
        Assert.True(query.HasTerms);
    }

    [Fact]
    public void Without_a_language_a_word_is_tried_in_every_stemmer()
    {
        var forms = SearchQuery.Parse("sessions", null).Clauses.Single().Alternatives.Select(a => a.Terms.Single()).ToList();
        Assert.Contains("session", forms); // English
        Assert.Contains("sessions", forms); // as typed
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-alleen")]
    [InlineData("\"\" () * - : ^")]
    [InlineData("😀😀")]
    public void A_query_without_words_to_find_has_no_terms(string text) => Assert.False(SearchQuery.Parse(text, null).HasTerms);

    [Fact]
    public void Long_queries_are_capped()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"woord{i}")) + " \"" + new string('a', 5000), null);
        Assert.Equal(SearchQuery.MaxClauses, query.Clauses.Count);
    }

    [Theory]
    [InlineData("\"a\" OR 1 NOT (b) NEAR(c d) {title}: ^e * '")]
    [InlineData("'); DROP TABLE SearchDocuments; --")]
    [InlineData("a:*A | !b <-> c")]
    public void Nothing_typed_becomes_query_syntax(string text)
    {
        var query = SearchQuery.Parse(text, null);
        foreach (var term in query.Clauses.SelectMany(c => c.Alternatives).SelectMany(a => a.Terms))
            Assert.True(term.All(char.IsLetterOrDigit), term);
        // Outside the quoted terms, the expressions hold only the syntax the index itself writes.
        var fts = Regex.Replace(SqliteSearchIndex.Match(query, titleOnly: false), "\"[^\"]*\"", "");
        fts = Regex.Replace(fts, @"\b(OR|AND|NOT|title_tails|body_tails|title|body)\b", "");
        Assert.True(fts.All(c => "{}():* ".Contains(c)), fts);
        var tsquery = Regex.Replace(PostgresSearchIndex.TsQuery(query, titleOnly: false), "'[^']*'", "");
        Assert.True(tsquery.All(c => "()|&!<->:* ".Contains(c)), tsquery);
    }

    [Fact]
    public void The_fts5_expression_quotes_terms_and_searches_compound_parts_reversed()
    {
        var match = SqliteSearchIndex.Match(SearchQuery.Parse("verklaring -stadhuis", "nl"), titleOnly: false);
        Assert.Equal("(({title body} : (\"verklar\") OR {title_tails body_tails} : \"ralkrev\" *)) NOT (({title body} : (\"stadhuis\")))", match);
    }

    [Fact]
    public void The_tsvector_weights_title_over_text_and_marks_compound_parts()
    {
        var terms = IndexTerms.Of(
            new SearchDocument(Guid.NewGuid(), "page", "nl", "pages/x", "x", "Het Gesprek", "De Participatieverklaring en het gesprek."));
        var vector = PostgresSearchIndex.Vector(terms);
        Assert.Contains("'gesprek':2A,8B", vector);
        Assert.Contains("'~ralkreveitapicitrap':4D", vector);
        var query = PostgresSearchIndex.TsQuery(SearchQuery.Parse("verklaring", "nl"), titleOnly: true);
        Assert.Equal("(('verklar':A) | ('~ralkrev':*C))", query);
    }

    [Fact]
    public void A_snippet_escapes_the_text_and_marks_the_matched_words()
    {
        var query = SearchQuery.Parse("gesprekken", "nl");
        var snippet = SearchSnippet.Build("Na <b>het</b> gesprek & de gesprekken: \"klaar\".", query, "nl");
        Assert.Equal("Na &lt;b&gt;het&lt;/b&gt; <mark>gesprek</mark> &amp; de <mark>gesprekken</mark>: &quot;klaar&quot;.", snippet);
    }

    [Fact]
    public void A_snippet_of_a_long_text_shows_the_passage_with_the_matches()
    {
        var text = string.Join(' ', Enumerable.Repeat("vulling", 200)) + " hier staat het gesprek "
            + string.Join(' ', Enumerable.Repeat("vulling", 200));
        var snippet = SearchSnippet.Build(text, SearchQuery.Parse("gesprek", "nl"), "nl");
        Assert.StartsWith("… ", snippet);
        Assert.EndsWith(" …", snippet);
        Assert.Contains("hier staat het <mark>gesprek</mark>", snippet);
        Assert.True(snippet.Split(' ').Length <= SearchSnippet.Words + 4);
    }

    [Fact]
    public void Facets_count_each_filter_with_the_other_applied()
    {
        var counts = new List<(string, string, int)> { ("page", "nl", 3), ("page", "en", 1), ("video", "nl", 2) };
        var results = SearchResults.From(counts, new SearchRequest(SearchQuery.Parse("x", null), "nl", "page"), []);
        Assert.Equal(3, results.Total);
        Assert.Equal([new SearchFacet("page", 3), new SearchFacet("video", 2)], results.Types);
        Assert.Equal([new SearchFacet("nl", 3), new SearchFacet("en", 1)], results.Cultures);
    }
}
