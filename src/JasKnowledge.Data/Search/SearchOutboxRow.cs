namespace JasKnowledge.Data.Search;

/// <summary>A row of the search outbox, as the EF model describes it so that the migrations create
/// the table; <see cref="SearchOutbox"/> reads and writes it with plain SQL.</summary>
public sealed class SearchOutboxRow
{
    /// <summary>Grows with every change; never reused (AUTOINCREMENT on SQLite, an identity on PostgreSQL).</summary>
    public long Sequence { get; set; }
    public Guid Source { get; set; }
    public string? Type { get; set; }
    public string? Culture { get; set; }
    public string? LocalizationSet { get; set; }
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Text { get; set; }
    /// <summary>The document's sections (<see cref="Core.Search.SearchSection.Join"/>); null in a row recorded before they were.</summary>
    public string? Sections { get; set; }
    public long ChangedUnixMs { get; set; }
}
