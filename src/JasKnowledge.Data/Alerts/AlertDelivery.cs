namespace JasKnowledge.Data.Alerts;

/// <summary>One notification for one address. Unique per notification and address: the sender can
/// never make a second. It is claimed (committed) before the SMTP conversation and marked sent after,
/// so a sender killed in between leaves a claimed row that is never tried again.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }
    public long NotificationId { get; init; }
    public Guid SubscriptionId { get; init; }
    public required string Email { get; init; }
    public required string Culture { get; init; }
    /// <summary>Part of the weekly digest rather than a mail of its own.</summary>
    public bool Weekly { get; init; }
    /// <summary>Not before: the next digest, or the next try after a failure.</summary>
    public DateTime DueUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? ClaimedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    /// <summary>Given up: too many failures, or a sender died while it was claimed.</summary>
    public DateTime? AbandonedUtc { get; set; }
    public string? LastError { get; set; }
}
