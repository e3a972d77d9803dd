using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Analysis.Icu.Segmentation;
using Lucene.Net.Analysis.Reverse;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// How text becomes terms, per language, the same for a document and for a query in that language.
/// Every language: the ICU tokenizer (word boundaries of every script, Ethiopic included) and ICU
/// folding (case, Latin accents, Arabic diacritics, Arabic-Indic digits, zero-width joiners). Then
/// per language: Dutch the Snowball stemmer; English plural stemming; Arabic normalisation and light
/// stemming; Persian and Dari Persian normalisation; Ukrainian, Tigrinya, Somali and any other
/// language folding alone (the query adds prefix matching for Ukrainian, which has no stemmer here).
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Changes whenever analysis or the fields change: an index made with another version is
    /// rebuilt. 2: the tie-break key. 3: the passage field (snippets from offsets), stored fields per document (SearchCodec).
    /// 4: the snippet text stored in the passage field instead of the text in its own. 5: stored fields not compressed (SearchCodec).
    /// 6: the beginnings field. 7: the snippet text stored as UTF-8 bytes. 8: the pair fields (common words with their neighbours).
    /// 9: the sections of the snippet text; a Tigrinya word and the short word written onto it with an apostrophe apart.</summary>
    public const string AnalysisVersion = "9";

    /// <summary>One analyzer per analysis <see cref="Language"/>, made once (analyzers are thread-safe);
    /// read without a lock, because every search asks for several.</summary>
    private static readonly FrozenDictionary<string, Analyzer> ByLanguage = new[] { "nl", "en", "ar", "fa", "uk", "other" }
        .ToFrozenDictionary(language => language, Analyzer (language) => new LanguageAnalyzer(language), StringComparer.Ordinal);

    /// <summary>The analyzer of a culture's language.</summary>
    public static Analyzer For(string culture) => ByLanguage[Language(culture)];

    /// <summary>The analysis a culture gets: Dari (prs) is analysed as Persian.</summary>
    public static string Language(string culture) => culture switch
    {
        "nl" or "en" or "ar" or "fa" or "uk" => culture,
        "prs" => "fa",
        _ => "other",
    };

    /// <summary>Languages whose compounds are found by their last part (Dutch: Participatieverklaring
    /// is a verklaring).</summary>
    public static bool HasCompounds(string culture) => Language(culture) == "nl";

    /// <summary>A word as the compound field holds it (reversed, as its filter reverses), so that "ends
    /// with verklar" becomes a prefix of that field.</summary>
    public static string Reversed(string word) => ReverseStringFilter.Reverse(Version, word);

    /// <summary>Languages searched by word beginnings because no stemmer exists for them.</summary>
    public static bool MatchesByPrefix(string culture) => Language(culture) == "uk";

    /// <summary>The analyzer that makes the same terms as <paramref name="analyzer"/> of a field's text:
    /// folding alone (the exact field; the text fields of a language without a stemmer) is one analysis
    /// whatever the language, so a word is analysed, and remembered, once for all of them.</summary>
    public static Analyzer Equivalent(Analyzer analyzer, string field) =>
        field is SearchFields.Exact or SearchFields.Beginnings || field != SearchFields.Tail && analyzer is LanguageAnalyzer { Name: "uk" or "other" }
            ? ByLanguage["other"] : analyzer;

    private sealed class LanguageAnalyzer(string language) : Analyzer(PER_FIELD_REUSE_STRATEGY)
    {
        public string Name => language;

        protected override TextReader InitReader(string fieldName, TextReader reader) => new EthiopicClitics(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new ICUTokenizer(reader);
            TokenStream stream = new ICUFoldingFilter(tokenizer);
            // The exact field: folded words as written, for exact matches, prefixes and corrections.
            if (fieldName is SearchFields.Exact or SearchFields.Beginnings) return new TokenStreamComponents(tokenizer, stream);
            stream = language switch
            {
                "nl" => new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer()),
                "en" => new EnglishMinimalStemFilter(stream),
                "ar" => new ArabicStemFilter(new ArabicNormalizationFilter(stream)),
                "fa" => new PersianNormalizationFilter(new ArabicNormalizationFilter(stream)),
                _ => stream,
            };
            // Compound parts: the stems reversed, so that "ends with verklar" is a prefix query.
            if (fieldName == SearchFields.Tail) stream = new ReverseStringFilter(Version, stream);
            // A pair field: only the pairs of neighbouring stems with a common word ("het_gesprek").
            if (SearchFields.IsPairs(fieldName)) stream = CommonWordPairs.Filter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

/// <summary>The fields of a document in the index.</summary>
public static class SearchFields
{
    public const string Source = "source";
    public const string Type = "type";
    public const string Culture = "culture";
    public const string LocalizationSet = "set";
    public const string Slug = "slug";
    /// <summary>Stemmed text fields, in the order of their weight.</summary>
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    /// <summary>The release notes of a download: found, but below any text of a page.</summary>
    public const string Notes = "notes";
    /// <summary>All text, folded but not stemmed.</summary>
    public const string Exact = "exact";
    /// <summary>All text of a language with compounds, stemmed and reversed.</summary>
    public const string Tail = "tail";
    /// <summary>All text of a language searched by word beginnings (no stemmer), folded as the exact field:
    /// a beginning asked of the exact field read every language's words that begin so (`gespr` of a Dutch
    /// `gesprek`) only to filter them out again.</summary>
    public const string Beginnings = "beginnings";
    /// <summary>The snippet text (summary and text), stemmed, with the offsets of its words: snippets are
    /// marked from the index instead of by analysing each hit again. Not searched; stored, as the only
    /// stored copy of a document's text (a snippet is cut from it).</summary>
    public const string Passage = "passage";
    /// <summary>Stored only: the headings of the text with where each starts in the snippet text
    /// (<see cref="Core.Search.SearchSection.Join"/>), so that a hit leads to the section its snippet is in.</summary>
    public const string Sections = "sections";
    /// <summary>Orders hits of equal score the same way on every index (slug, type, language): without
    /// it ties follow the order documents were added, which differs after a restore or a rebuild.</summary>
    public const string TieBreak = "tie";

    public static string TieBreakKey(string slug, string type, string culture) => string.Join('\u001f', slug, type, culture);

    public static readonly string[] Stemmed = [Title, Summary, Body, Notes];

    /// <summary>A stemmed field's pairs of neighbouring stems in which one is a common word (`het_gesprek`),
    /// documents only. A phrase with a common word is checked only in the documents that hold its pairs: its
    /// positions were read in every document holding its words, and `het` is in nearly all.</summary>
    public static string PairsOf(string field) => field + PairsSuffix;

    public static bool IsPairs(string field) => field.EndsWith(PairsSuffix, StringComparison.Ordinal);

    private const string PairsSuffix = ".pairs";

    /// <summary>How much a match in each stemmed field counts.</summary>
    public static float Weight(string field) => field switch
    {
        Title => 8f,
        Summary => 3f,
        Body => 1f,
        _ => 0.4f,
    };
}
