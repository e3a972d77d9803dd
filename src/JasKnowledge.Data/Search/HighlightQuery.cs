using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The words a search marks in its snippets, once per search: the stemmed words of its query (from
/// any text field, words of a phrase one by one) as terms of the passage field, with prefixes and
/// compound endings replaced by the words of the index they stand for. Words only excluded, and
/// the folded words of the exact field, are not marked.
/// </summary>
internal static class HighlightQuery
{
    /// <summary>More words than this and the prefix itself is kept (a one-letter prefix): the
    /// highlighter then analyses the page's texts, cheaper than a query of thousands of words.</summary>
    private const int MaxWords = 512;

    /// <summary>The marks query on the passage field; null when nothing can be marked.</summary>
    public static Query? Marks(Query query, IndexWords index)
    {
        var marks = new BooleanQuery(disableCoord: true);
        var words = new HashSet<string>(StringComparer.Ordinal);
        Collect(query, index, marks, words);
        return marks.Clauses.Count == 0 ? null : marks;
    }

    private static void Collect(Query query, IndexWords index, BooleanQuery marks, HashSet<string> words)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT)) Collect(clause.Query, index, marks, words);
                break;
            case DisjunctionMaxQuery best:
                foreach (var disjunct in best.Disjuncts) Collect(disjunct, index, marks, words);
                break;
            case TermQuery term when IsText(term.Term.Field):
                Word(term.Term.Text, marks, words);
                break;
            case PairedPhraseQuery paired:
                Collect(paired.Phrase, index, marks, words);
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms().Where(t => IsText(t.Field))) Word(term.Text, marks, words);
                break;
            case SpanNearQuery near:
                foreach (var clause in near.GetClauses()) Collect(clause, index, marks, words);
                break;
            case SpanTermQuery spanTerm when IsText(spanTerm.Term.Field):
                Word(spanTerm.Term.Text, marks, words);
                break;
            case SpanMultiTermQueryWrapper<PrefixQuery> spanPrefix:
                Collect(spanPrefix.WrappedQuery, index, marks, words);
                break;
            case PrefixQuery prefix when IsText(prefix.Field):
                var starting = index.StartingWith(SearchFields.Passage, prefix.Prefix.Text, MaxWords);
                if (starting is null || !HasRoom(marks, starting.Count)) Add(marks, new PrefixQuery(new Term(SearchFields.Passage, prefix.Prefix.Text)));
                else foreach (var word in starting) Word(word, marks, words);
                break;
            case CompoundEndingQuery compound:
                // Every word ending in the stem is marked, the stem too (the text fields find it as such).
                var ended = index.StartingWith(SearchFields.Tail, compound.Reversed, MaxWords);
                if (ended is null || !HasRoom(marks, ended.Count)) Add(marks, new WildcardQuery(new Term(SearchFields.Passage, "*" + compound.Stem)));
                else foreach (var word in ended) Word(SearchAnalyzers.Reversed(word), marks, words);
                break;
        }
    }

    private static bool IsText(string field) => Array.IndexOf(SearchFields.Stemmed, field) >= 0;

    /// <summary>Lucene refuses a boolean query of more than <see cref="BooleanQuery.MaxClauseCount"/> clauses (1,024):
    /// several prefixes of a few hundred words each (<c>a* b* c* d* e* f*</c>) passed it, and the search failed. A
    /// prefix whose words no longer fit is marked as a prefix, and once the query is full nothing more is marked.</summary>
    private static bool HasRoom(BooleanQuery marks, int count) => marks.Clauses.Count + count < BooleanQuery.MaxClauseCount;

    private static void Add(BooleanQuery marks, Query query)
    {
        if (HasRoom(marks, 1)) marks.Add(query, Occur.SHOULD);
    }

    private static void Word(string word, BooleanQuery marks, HashSet<string> words)
    {
        if (HasRoom(marks, 1) && words.Add(word)) marks.Add(new TermQuery(new Term(SearchFields.Passage, word)), Occur.SHOULD);
    }
}
