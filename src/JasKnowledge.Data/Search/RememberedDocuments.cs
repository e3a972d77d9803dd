using Lucene.Net.Index;
using Lucene.Net.Search;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Rewrites a clause of many words (a Dutch compound ending, a Ukrainian beginning, a visitor's prefix) to
/// the documents its words are in, kept per segment for as long as the segment lives, and scored as one
/// constant, as Lucene's default rewrite scores such a clause. Which documents of a segment hold a word
/// ending in "gesprek" cannot change while the segment lives, and finding them again (walking the longer
/// words and reading each one's documents) was a seventh of what a Dutch search allocated.
/// </summary>
internal sealed class RememberedDocuments : MultiTermQuery.RewriteMethod
{
    public static readonly RememberedDocuments Instance = new();

    /// <summary>A set costs a bit per document of the index: at 100,000 documents this bound holds at
    /// most 13 MB. Words searched after that are rewritten as before (their documents found each time).</summary>
    private static readonly RememberedUpTo<(string Field, string Words), Filter> Sets = new(1_024);

    private RememberedDocuments() { }

    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var key = (query.Field, Words(query));
        var documents = Sets.TryGetValue(key, out var known) ? known : Sets.Remember(key, new CachingWrapperFilter(new Matching(query)));
        return new ConstantScoreQuery(documents) { Boost = query.Boost };
    }

    /// <summary>Which words of its field the query stands for, its boost left out.</summary>
    private static string Words(MultiTermQuery query) => query switch
    {
        PrefixQuery prefix => prefix.Prefix.Text + "*",
        CompoundEndingQuery ending => "*" + ending.Stem,
        _ => throw new ArgumentException($"No words known for {query.GetType().Name}.", nameof(query)),
    };

    /// <summary>The documents of a segment holding any of the query's words (Lucene's filter for it, whose constructor is protected).</summary>
    private sealed class Matching(MultiTermQuery query) : MultiTermQueryWrapperFilter<MultiTermQuery>(query);
}
