using Lucene.Net.Index;
using Lucene.Net.Search;

namespace JasKnowledge.Data.Search;

/// <summary>
/// A searcher whose scores count only the documents that are still in the index. Lucene's statistics
/// (how many documents hold a word, how many documents there are) include replaced and removed
/// documents until their segment is merged, so a node that has applied a long history and a node that
/// rebuilt its index from the outbox (a restore, a new node) gave the same documents slightly different
/// scores, and two hits of nearly equal score came out in a different order. With live statistics every
/// node ranks alike. The words counted are the query's own, and only while the index holds deletions;
/// each word once per searcher (a searcher serves one state of the index), as a common word has tens of
/// thousands of documents to count.
/// </summary>
internal sealed class LiveStatisticsSearcher(IndexReader reader) : IndexSearcher(reader)
{
    /// <summary>At most this many words are remembered at once (a flood of different queries between two
    /// publications starts the memory again).</summary>
    private const int MaxRemembered = 20_000;

    private readonly RememberedUpTo<Term, TermStatistics> _live = new(MaxRemembered);

    public override CollectionStatistics CollectionStatistics(string field)
    {
        var statistics = base.CollectionStatistics(field);
        if (!IndexReader.HasDeletions) return statistics;
        // The similarity (TF-IDF) reads the number of documents only; the sums would still count removed ones.
        return new CollectionStatistics(field, IndexReader.NumDocs, -1, -1, -1);
    }

    public override TermStatistics TermStatistics(Term term, TermContext context)
    {
        if (!IndexReader.HasDeletions) return base.TermStatistics(term, context);
        if (_live.TryGetValue(term, out var remembered)) return remembered;
        return _live.Remember(term, Count(term));
    }

    private TermStatistics Count(Term term)
    {
        long documents = 0;
        long occurrences = 0;
        foreach (var leaf in IndexReader.Leaves)
        {
            // Postings read through the segment's live documents skip what was replaced or removed.
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            if (postings is null) continue;
            while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                documents++;
                occurrences += postings.Freq;
            }
        }
        return new TermStatistics(term.Bytes, documents, occurrences);
    }

    /// <summary>Makes these searchers for the index's searcher manager.</summary>
    public sealed class Factory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new LiveStatisticsSearcher(reader);
    }
}
