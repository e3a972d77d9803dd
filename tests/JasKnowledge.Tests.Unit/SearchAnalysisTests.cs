using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace JasKnowledge.Tests.Unit;

/// <summary>The rules of search that need no index: how each language's analyzer turns words into
/// terms (the same for documents and queries), and how a query is read.</summary>
public sealed class SearchAnalysisTests
{
    private static List<string> Terms(string culture, string field, string text)
    {
        var terms = new List<string>();
        using var stream = SearchAnalyzers.For(culture).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("prs")]
    [InlineData("uk")]
    [InlineData("ti")]
    [InlineData("so")]
    public void A_word_analysed_once_for_languages_that_analyse_alike_gets_each_language_own_terms(string culture)
    {
        // Query words are analysed once per analysis and remembered (folding alone is shared by the exact
        // field of every language and the text fields of languages without a stemmer): what a search gets
        // must be exactly what the language's own analyzer makes.
        string[] words = ["Gesprekken", "CAFÉ", "participatieverklaring", "المقابلات", "گفت‌وگو", "роботи", "ስራሕ", "shaqada", "١٢٣"];
        foreach (var field in new[] { SearchFields.Exact, SearchFields.Body, SearchFields.Title, SearchFields.Tail, SearchFields.Beginnings })
        {
            foreach (var word in words)
                Assert.Equal(Terms(culture, field, word), LuceneQuery.Terms(SearchAnalyzers.For(culture), field, word));
        }
    }

    private static string Stem(string culture, string word) => Terms(culture, SearchFields.Body, word).Single();

    [Theory]
    // Snowball's Dutch stemmer: inflected forms meet.
    [InlineData("gesprekken", "gesprek")]
    [InlineData("klantmanagers", "klantmanager")]
    [InlineData("zorgverzekeringen", "zorgverzekering")]
    [InlineData("trainingen", "training")]
    [InlineData("deelnemers", "deelnemer")]
    public void Dutch_inflections_share_a_stem(string a, string b) => Assert.Equal(Stem("nl", b), Stem("nl", a));

    [Theory]
    [InlineData("sessions", "session")]
    [InlineData("studies", "study")]
    [InlineData("interviews", "interview")]
    public void English_plurals_meet_their_singular(string a, string b) => Assert.Equal(Stem("en", b), Stem("en", a));

    [Theory]
    [InlineData("المقابلة", "مقابلات")]
    [InlineData("والعمل", "عمل")]
    [InlineData("مُقَابَلَة", "مقابلة")]
    [InlineData("أحمد", "احمد")]
    public void Arabic_article_endings_vowels_and_letter_variants_meet(string a, string b) => Assert.Equal(Stem("ar", b), Stem("ar", a));

    [Theory]
    [InlineData("fa", "گفت‌وگو", "گفتوگو")]
    [InlineData("prs", "فارسی", "فارسي")]
    [InlineData("fa", "۱۲۳", "123")]
    [InlineData("ar", "١٢٣", "123")]
    public void Persian_and_Dari_normalise_letters_digits_and_joiners(string culture, string a, string b) =>
        Assert.Equal(Stem(culture, b), Stem(culture, a));

    [Theory]
    [InlineData("nl", "Café", "cafe")]
    [InlineData("nl", "ÉÉN", "een")]
    [InlineData("so", "Naïef", "naief")]
    [InlineData("uk", "МІЙ", "мій")]
    [InlineData("ti", "ትግርኛ", "ትግርኛ")]
    public void Folding_ignores_case_and_accents_everywhere(string culture, string word, string folded) =>
        Assert.Equal(Terms(culture, SearchFields.Exact, folded).Single(), Terms(culture, SearchFields.Exact, word).Single());

    [Fact]
    public void Dutch_compounds_are_indexed_by_their_reversed_stems()
    {
        var tail = Terms("nl", SearchFields.Tail, "Participatieverklaring").Single();
        var part = new string(Stem("nl", "verklaring").Reverse().ToArray());
        Assert.StartsWith(part, tail, StringComparison.Ordinal);
    }

    [Fact]
    public void Ethiopic_text_is_split_into_words()
    {
        Assert.Equal(["ሰላም", "ዓለም"], Terms("ti", SearchFields.Exact, "ሰላም፡ዓለም።"));
    }

    [Theory]
    [InlineData("nl", "Het gesprek met de klantmanager", "het_gesprek gesprek_met met_de de_klantmanager")]
    [InlineData("nl", "Gesprekken over werk", "gesprek_over over_werk")]
    [InlineData("nl", "Klantmanager werk", "")]
    [InlineData("en", "The talks of the day", "the_talk talk_of of_the the_day")]
    [InlineData("ar", "العمل في المدينة", "عمل_في في_مدين")]
    [InlineData("ti", "Het gesprek ስራሕ", "het_gesprek")]
    public void A_pair_field_holds_the_neighbouring_stems_of_a_common_word_as_a_phrase_asks_for_them(string culture, string text, string expected)
    {
        // Only pairs with a common word (one list for every language, so a Tigrinya text pairs a Dutch "het"
        // as a Dutch one does), stemmed as the text fields are; and a phrase asks for exactly those.
        var pairs = Terms(culture, SearchFields.PairsOf(SearchFields.Body), text);
        Assert.Equal(expected, string.Join(' ', pairs));
        Assert.Equal(pairs, CommonWordPairs.Of(Terms(culture, SearchFields.Body, text)));
    }

    [Fact]
    public void A_query_is_read_into_words_phrases_prefixes_and_exclusions()
    {
        var query = SearchQuery.Parse("gesprekken \"het gesprek\" gespr* -stadhuis");
        Assert.Equal(4, query.Clauses.Count);
        Assert.Equal(["gesprekken"], query.Clauses[0].Words);
        Assert.True(query.Clauses[1].IsPhrase);
        Assert.Equal(["het", "gesprek"], query.Clauses[1].Words);
        Assert.True(query.Clauses[2].LastIsPrefix);
        Assert.True(query.Clauses[3].IsExcluded);
        Assert.True(query.HasTerms);
    }

    [Fact]
    public void Words_are_split_on_anything_but_letters_digits_and_marks()
    {
        Assert.Equal(["De", "24x24", "aanpak", "e", "mail", "Wat"], SearchQuery.Words("De 24x24-aanpak: e-mail? Wat!"));
        Assert.Empty(SearchQuery.Words("😀 \ud800 \u0001 <>&\"'"));
        Assert.Equal(["گفت‌وگو"], SearchQuery.Words("گفت‌وگو"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-alleen")]
    [InlineData("\"\" () * - : ^")]
    [InlineData("😀😀")]
    public void A_query_without_words_to_find_has_no_terms(string text) => Assert.False(SearchQuery.Parse(text).HasTerms);

    [Fact]
    public void Long_queries_are_cut_with_a_notice_and_capped_in_clauses()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}")) + " \"" + new string('a', 5000));
        Assert.True(query.WasCut);
        Assert.Equal(SearchQuery.MaxLength, query.Text.Length);
        Assert.Equal(SearchQuery.MaxClauses, query.Clauses.Count);
        Assert.False(SearchQuery.Parse("gesprek").WasCut);
        // A surrogate pair at the cut is not split in two.
        var emoji = SearchQuery.Parse(new string('a', SearchQuery.MaxLength - 1) + "😀😀");
        Assert.False(char.IsHighSurrogate(emoji.Text[^1]));
    }

    [Theory]
    [InlineData("ti", "ጠበቓ'ውን ኣይኮነን", "ጠበቓ|ውን|ኣይኮነን")]
    [InlineData("ti", "ገንዘብ’ውን።", "ገንዘብ|ውን")] // the typographic apostrophe too
    [InlineData("nl", "ግዜ'ቲ", "ግዜ|ቲ")] // every language's analysis alike: the exact field is shared
    [InlineData("ti", "auto's (klantmanager)", "auto's|klantmanager")] // between Latin letters it stays part of the word
    [InlineData("ti", "ሓላፊ ' ጉዳይ", "ሓላፊ|ጉዳይ")]
    [InlineData("ti", "ሓላፊ'", "ሓላፊ")]
    public void A_short_word_written_onto_a_Tigrinya_word_with_an_apostrophe_is_a_word_of_its_own(string culture, string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Terms(culture, SearchFields.Exact, text));
        Assert.Equal(expected.Split('|'), Terms(culture, SearchFields.Body, text));
    }

    /// <summary>Read in blocks of every size (the tokenizer reads in blocks): an apostrophe at the end of a block
    /// is decided by the character after it, which the next block then starts with.</summary>
    [Fact]
    public void The_apostrophe_is_read_alike_at_every_block_boundary_and_keeps_every_offset()
    {
        const string text = "ንስኹም'ውን ከምኡ'ውን auto's ግዜ'ቲ'";
        const string expected = "ንስኹም ውን ከምኡ ውን auto's ግዜ ቲ'";
        for (var block = 1; block <= text.Length + 1; block++)
        {
            using var filter = new EthiopicClitics(new StringReader(text));
            var read = new System.Text.StringBuilder();
            var buffer = new char[block];
            for (int n; (n = filter.Read(buffer, 0, block)) > 0;) read.Append(buffer, 0, n);
            Assert.Equal(expected, read.ToString());
        }
        using var stream = SearchAnalyzers.For("ti").GetTokenStream(SearchFields.Exact, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            Assert.Equal(term.ToString(), text[offset.StartOffset..offset.EndOffset].ToLowerInvariant());
        stream.End();
    }
}
