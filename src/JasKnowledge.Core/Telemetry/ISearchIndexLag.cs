namespace JasKnowledge.Core.Telemetry;

/// <summary>The hook for the search engine to report how far its index is behind what is published
/// (for the gauge jas.search.index.lag). Register one as a singleton; it is read at every scrape, so
/// keep it cheap (a value the indexer keeps, not a query).</summary>
public interface ISearchIndexLag
{
    /// <summary>Null while unknown.</summary>
    TimeSpan? Lag { get; }
}
