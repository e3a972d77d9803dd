using Lucene.Net.Index;
using Lucene.Net.Search;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Applies a filter (a group of languages) as the documents its query may match, for the query's bulk scorer
/// too. Lucene's strategies score a filtered query hit by hit through its plain scorer, so a query limited to a
/// group of languages never reached the scorer that skips the hits that cannot rank (<see cref="MaxScoreScorer"/>).
/// </summary>
internal sealed class AcceptedDocumentsStrategy : FilteredQuery.FilterStrategy
{
    public static readonly AcceptedDocumentsStrategy Instance = new();

    private AcceptedDocumentsStrategy() { }

    public override Scorer FilteredScorer(AtomicReaderContext context, Weight weight, DocIdSet docIdSet) =>
        FilteredQuery.RANDOM_ACCESS_FILTER_STRATEGY.FilteredScorer(context, weight, docIdSet);

    public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet) =>
        docIdSet.Bits is { } accepted
            ? weight.GetBulkScorer(context, scoreDocsInOrder, accepted)
            : base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
}
