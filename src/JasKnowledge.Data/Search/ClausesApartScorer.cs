using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Scores a query of alternatives that no document matches two of (one per group of languages, each limited
/// to its languages' documents) clause after clause, each by its own bulk scorer, so each can skip the hits
/// that cannot rank (<see cref="MaxScoreScorer"/>). As one query of alternatives, a word whose stem differs
/// between languages (<c>werk -stage</c>: Dutch stems <c>stag</c>) had every hit scored: six times the time
/// of the word alone at 100,000 documents. A hit's score is its clause's score times the coordination factor
/// of one clause matched, computed as the windowed scorer computes it, so hits and their order are the same.
/// </summary>
internal sealed class ClausesApartScorer(IReadOnlyList<Func<BulkScorer?>> clauses, float coord, Func<BulkScorer> everyHit) : BulkScorer
{
    private BulkScorer? _scoringEveryHit;

    public override bool Score(ICollector collector, int max)
    {
        // Lucene scores a segment in steps when it asks for one: every step goes on with the same scorer.
        if (_scoringEveryHit is not null || collector is not IRankingCollector ranking || max != DocIdSetIterator.NO_MORE_DOCS)
            return (_scoringEveryHit ??= everyHit()).Score(collector, max);
        var scaled = new Scaled(ranking, coord);
        foreach (var clause in clauses) clause()?.Score(scaled, DocIdSetIterator.NO_MORE_DOCS);
        return false;
    }

    /// <summary>The ranking collector as one clause's scorer sees it: scores times the coordination factor.</summary>
    private sealed class Scaled(IRankingCollector ranking, float coord) : IRankingCollector
    {
        public static float Score(float score, float coord) => (float)((double)score * coord);

        /// <summary>The clause's score that scaled can reach the collector's threshold, a little lower: the
        /// rounding of the product must not keep out a hit the lists would take.</summary>
        public float Threshold => ranking.Threshold is var threshold && float.IsNegativeInfinity(threshold)
            ? threshold : (float)(threshold / (double)coord * (1 - 1e-6));

        public bool AcceptsDocsOutOfOrder => ranking.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => ranking.SetScorer(new ScaledScorer(scorer, coord));

        public void SetNextReader(AtomicReaderContext context) => ranking.SetNextReader(context);

        public void Collect(int doc) => ranking.Collect(doc);

        public void CountAll(long[] hits, int maxDoc, IBits? live) => ranking.CountAll(hits, maxDoc, live);

        public void Rank(int doc, float score) => ranking.Rank(doc, Score(score, coord));
    }

    private sealed class ScaledScorer(Scorer scorer, float coord) : Scorer(null)
    {
        public override float GetScore() => Scaled.Score(scorer.GetScore(), coord);
        public override int Freq => scorer.Freq;
        public override int DocID => scorer.DocID;
        public override int NextDoc() => throw new NotSupportedException();
        public override int Advance(int target) => throw new NotSupportedException();
        public override long GetCost() => scorer.GetCost();
    }
}
