using Lucene.Net.Search;

namespace JasKnowledge.Data.Search;

/// <summary>The hit a bulk scorer hands to its collector, as the collector sees its scorer: the scorer has
/// already computed the score (a window's sum, a ranked hit's), so this only carries it.</summary>
internal sealed class ScoredHit() : Scorer(null)
{
    private int _doc = -1;
    private float _score;
    private int _freq;

    public void Set(int doc, float score, int freq) => (_doc, _score, _freq) = (doc, score, freq);

    public override float GetScore() => _score;
    public override int Freq => _freq;
    public override int DocID => _doc;
    public override int NextDoc() => throw new NotSupportedException();
    public override int Advance(int target) => throw new NotSupportedException();
    public override long GetCost() => 1;
}
