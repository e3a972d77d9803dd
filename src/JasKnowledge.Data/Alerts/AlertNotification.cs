namespace JasKnowledge.Data.Alerts;

/// <summary>The outbox: a major publication that subscribers should hear of, written in the
/// publishing transaction. The sender turns it into one delivery per subscribed address.</summary>
public sealed class AlertNotification
{
    public long Id { get; set; }
    public required string Topic { get; init; }
    /// <summary>The language of the published content; null when it concerns every language (editions).</summary>
    public string? Culture { get; init; }
    public required string Title { get; init; }
    public string? ChangeNote { get; init; }
    /// <summary>Path on the portal (/ar/informatie/...), made absolute when the mail is written.</summary>
    public required string Path { get; init; }
    /// <summary>For an edition: the changed chapters, one per line.</summary>
    public string? Changes { get; init; }
    public DateTime CreatedUtc { get; init; }
    /// <summary>Set once the deliveries have been made.</summary>
    public DateTime? FannedOutUtc { get; set; }
}
