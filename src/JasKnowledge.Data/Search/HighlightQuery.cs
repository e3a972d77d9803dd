using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The query the highlighter looks for, with its prefixes and compound endings replaced by the words of
/// the index they stand for, once per search. Left as they are, Lucene's highlighter expands them for
/// every hit on the page by building an in-memory index of that hit's whole text, which was most of the
/// time a first-asked search took. The marks stay the same: the index's words are a superset of each
/// hit's, each keeps the weight of the query it came from, and only the text field counts.
/// </summary>
internal static class HighlightQuery
{
    /// <summary>More words than this and the query is left for the highlighter to expand per hit (a
    /// one-letter prefix): a page of ten hits is cheaper than a query of thousands of words.</summary>
    private const int MaxWords = 512;

    public static Query Expand(Query query, IndexReader reader) => query switch
    {
        BooleanQuery boolean => Copy(boolean, reader),
        DisjunctionMaxQuery best => Copy(best, reader),
        // Only the text field is highlighted: a prefix on another field marks nothing either way.
        MultiTermQuery { Field: not SearchFields.Body } => new BooleanQuery(),
        PrefixQuery prefix => Words(prefix, StartingWith(reader, SearchFields.Body, prefix.Prefix.Text)),
        WildcardQuery wildcard when Ending(wildcard) is { } ending => Words(wildcard, EndingWith(reader, ending)),
        _ => query,
    };

    private static BooleanQuery Copy(BooleanQuery boolean, IndexReader reader)
    {
        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses) copy.Add(Expand(clause.Query, reader), clause.Occur);
        return copy;
    }

    private static DisjunctionMaxQuery Copy(DisjunctionMaxQuery best, IndexReader reader)
    {
        var copy = new DisjunctionMaxQuery(best.TieBreakerMultiplier) { Boost = best.Boost };
        foreach (var disjunct in best.Disjuncts) copy.Add(Expand(disjunct, reader));
        return copy;
    }

    /// <summary>The words as term queries with the boost of the query they replace; the query itself
    /// when there are too many.</summary>
    private static Query Words(MultiTermQuery original, List<string>? words)
    {
        if (words is null) return original;
        var any = new BooleanQuery(disableCoord: true);
        foreach (var word in words) any.Add(new TermQuery(new Term(SearchFields.Body, word)) { Boost = original.Boost }, Occur.SHOULD);
        return any;
    }

    /// <summary>"*verklar": the compound query's form (a leading star, no other wildcard).</summary>
    private static string? Ending(WildcardQuery wildcard)
    {
        var text = wildcard.Term.Text;
        return text.Length > 1 && text[0] == '*' && text.AsSpan(1).IndexOfAny('*', '?') < 0 ? text[1..] : null;
    }

    private static List<string>? StartingWith(IndexReader reader, string field, string prefix)
    {
        var words = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return words;
        var e = terms.GetEnumerator();
        var target = new BytesRef(prefix);
        if (e.SeekCeil(target) == TermsEnum.SeekStatus.END) return words;
        do
        {
            if (!StringHelper.StartsWith(e.Term, target)) break;
            if (words.Count == MaxWords) return null;
            words.Add(e.Term.Utf8ToString());
        }
        while (e.MoveNext());
        return words;
    }

    /// <summary>The stemmed words ending in <paramref name="ending"/>, read from the compound field, which
    /// holds every stemmed word of a language with compounds reversed (a superset of the text field's).</summary>
    private static List<string>? EndingWith(IndexReader reader, string ending)
    {
        var reversed = StartingWith(reader, SearchFields.Tail, SearchAnalyzers.Reversed(ending));
        return reversed?.Select(SearchAnalyzers.Reversed).ToList();
    }
}
