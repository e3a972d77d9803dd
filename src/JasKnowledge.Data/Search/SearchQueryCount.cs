namespace JasKnowledge.Data.Search;

/// <summary>How often a search was asked on one day in one language, and how often it found nothing: what
/// editors and translators read on /beheer/zoekvragen. No visitor, address or time of day is kept. A row
/// with an empty <see cref="Query"/> counts the searches whose text was not kept (<see cref="SearchQueryLog.NotKept"/>).</summary>
public sealed class SearchQueryCount
{
    /// <summary>The day in UTC as yyyy-MM-dd: text, so both engines compare and group it alike.</summary>
    public string Day { get; set; } = "";
    /// <summary>The language the visitor searched in (the page's, or the API's lang); empty for the API without one.</summary>
    public string Culture { get; set; } = "";
    public string Query { get; set; } = "";
    public int Searches { get; set; }
    public int WithoutResults { get; set; }
}
