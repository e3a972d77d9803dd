using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// A collector that counts every hit apart from ranking the best ones, so that a scorer may count all hits
/// and score only those that can still rank.
/// </summary>
internal interface IRankingCollector : ICollector
{
    /// <summary>The lowest score a hit of this segment can rank with: a hit scoring less is never listed.
    /// Negative infinity while a list it could enter has room.</summary>
    float Threshold { get; }

    /// <summary>Counts the segment's hits: the set bits of <paramref name="hits"/> that <paramref name="live"/> (if any) holds.</summary>
    void CountAll(long[] hits, int maxDoc, IBits? live);

    /// <summary>Offers a hit to the ranked lists without counting it; its score is the scorer's.</summary>
    void Rank(int doc, float score);
}
