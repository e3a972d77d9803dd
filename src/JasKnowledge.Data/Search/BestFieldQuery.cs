using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// A word in the title, summary, body and release notes, scored as its best field plus a tenth of the others
/// (Lucene's <see cref="DisjunctionMaxQuery"/>), with the fields always added up in their own order. Lucene's
/// scorer adds them in the order of its heap of fields, which depends on how it got to a document; a search
/// that skips hits that cannot rank (<see cref="MaxScoreScorer"/>) reaches a document another way, and must
/// give it the very same score.
/// </summary>
internal sealed class BestFieldQuery(float tieBreakerMultiplier) : DisjunctionMaxQuery(tieBreakerMultiplier)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new BestFieldWeight(this, searcher);

    /// <summary>The score of a document from the scores of the fields it matched, in field order.</summary>
    public static float Combine(ReadOnlySpan<float> matched, float tieBreakerMultiplier)
    {
        float sum = 0f, max = float.NegativeInfinity;
        foreach (var score in matched)
        {
            sum += score;
            max = Math.Max(max, score);
        }
        return max + (sum - max) * tieBreakerMultiplier;
    }

    /// <summary>What a scorer of several words needs of this query's weight (Lucene's weight class is protected).</summary>
    public interface IFields
    {
        /// <summary>The fields' weights, in field order.</summary>
        IList<Weight> Fields { get; }

        float TieBreakerMultiplier { get; }
    }

    private sealed class BestFieldWeight(BestFieldQuery query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher), IFields
    {
        private readonly Similarity _similarity = searcher.Similarity;

        public IList<Weight> Fields => m_weights;

        public float TieBreakerMultiplier => query.TieBreakerMultiplier;

        /// <summary>A word alone (nothing else to add to its fields) skips the hits that cannot rank as a query of several does.</summary>
        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
        {
            if (scoreDocsInOrder) return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            return MaxScoreScorer.TryCreate(_similarity, context, acceptDocs, [(this, false)], [1f, 1f], () => base.GetBulkScorer(context, false, acceptDocs))
                ?? base.GetBulkScorer(context, false, acceptDocs);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var fields = m_weights.Select(w => w.GetScorer(context, acceptDocs)).Where(s => s is not null).ToArray();
            return fields.Length == 0 ? null : new BestFieldScorer(this, fields!, query.TieBreakerMultiplier);
        }
    }

    /// <summary>The fields' documents merged by looking at each (a word has at most a handful of fields).</summary>
    private sealed class BestFieldScorer(Weight weight, Scorer[] fields, float tieBreakerMultiplier) : Scorer(weight)
    {
        private readonly float[] _matched = new float[fields.Length];
        private int _doc = -1;

        public override int DocID => _doc;

        public override int NextDoc()
        {
            foreach (var field in fields)
            {
                if (field.DocID == _doc) field.NextDoc();
            }
            return _doc = First();
        }

        public override int Advance(int target)
        {
            foreach (var field in fields)
            {
                if (field.DocID < target) field.Advance(target);
            }
            return _doc = First();
        }

        private int First()
        {
            var first = NO_MORE_DOCS;
            foreach (var field in fields) first = Math.Min(first, field.DocID);
            return first;
        }

        public override float GetScore()
        {
            var count = 0;
            foreach (var field in fields)
            {
                if (field.DocID == _doc) _matched[count++] = field.GetScore();
            }
            return Combine(_matched.AsSpan(0, count), tieBreakerMultiplier);
        }

        public override int Freq => fields.Count(f => f.DocID == _doc);

        public override long GetCost() => fields.Sum(f => f.GetCost());
    }
}
