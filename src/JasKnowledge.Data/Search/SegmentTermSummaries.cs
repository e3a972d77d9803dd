using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace JasKnowledge.Data.Search;

/// <summary>
/// What a segment holds for a word and never changes while the segment lives, kept per segment: how much
/// the word weighs where it weighs most (the highest term frequency times length norm: no document of the
/// segment scores higher on it) and, for a word in many documents, its documents as a bit set.
/// A search that skips hits that cannot rank (<see cref="MaxScoreScorer"/>) needs both: the first to know
/// what a word can add to a score, the second to count every hit without reading every hit's postings.
/// </summary>
internal sealed class SegmentTermSummaries
{
    /// <summary>A word in at least this share of a segment's documents gets a bit set: one bit per document is
    /// then at most four bytes per document holding it, and OR-ing the set costs less than reading the postings.</summary>
    private const int CommonShare = 32;

    /// <summary>Per segment; at 100,000 documents the sets of this many common words take at most 3 MB.</summary>
    private const int RememberedWords = 256;

    private static readonly ConditionalWeakTable<object, SegmentTermSummaries> BySegment = new();

    private readonly RememberedUpTo<Term, float> _highest = new(4_096);
    private readonly RememberedUpTo<Term, long[]> _documents = new(RememberedWords);

    public static SegmentTermSummaries Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentTermSummaries());

    /// <summary>The highest term frequency times norm of the word in any document (deleted ones included); 0 when the segment lacks it.</summary>
    public float HighestWeight(AtomicReader segment, Term term, TFIDFSimilarity similarity)
    {
        if (_highest.TryGetValue(term, out var known)) return known;
        var highest = 0f;
        var (postings, _) = Postings(segment, term, DocsFlags.FREQS);
        if (postings is not null)
        {
            var norms = segment.GetNormValues(term.Field);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                var weight = similarity.Tf(postings.Freq) * (norms is null ? 1f : similarity.DecodeNormValue(norms.Get(doc)));
                highest = Math.Max(highest, weight);
            }
        }
        return _highest.Remember(term, highest);
    }

    /// <summary>Sets the bits of the word's documents (deleted ones included) in <paramref name="bits"/>.</summary>
    public void AddDocuments(AtomicReader segment, Term term, long[] bits)
    {
        if (!_documents.TryGetValue(term, out var set))
        {
            var (postings, frequency) = Postings(segment, term, DocsFlags.NONE);
            if (postings is null) return;
            if ((long)frequency * CommonShare < segment.MaxDoc)
            {
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) bits[doc >> 6] |= 1L << doc;
                return;
            }
            set = new long[(segment.MaxDoc + 63) >> 6];
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) set[doc >> 6] |= 1L << doc;
            set = _documents.Remember(term, set);
        }
        for (var i = 0; i < set.Length; i++) bits[i] |= set[i];
    }

    /// <summary>The word's postings with every document, deleted or not (the caller decides what counts), and how
    /// many documents hold it. The word is found with a word list lent by <see cref="SegmentWordLists"/>: a new list
    /// per word (and one more for its document count) was a tenth of what a first asking allocated.</summary>
    private static (DocsEnum? Postings, int Frequency) Postings(AtomicReader segment, Term term, DocsFlags flags)
    {
        var lists = SegmentWordLists.Of(segment);
        if (lists.Lend(segment, term.Field) is not { } words) return (null, 0);
        try
        {
            return words.SeekExact(term.Bytes) ? (words.Docs(null, null, flags), words.DocFreq) : (null, 0);
        }
        finally
        {
            lists.TakeBack(term.Field, words);
        }
    }
}
