namespace JasKnowledge.Data.Alerts;

/// <summary>One mail for one address: a notification (unique per notification and address, so the
/// sender can never make a second), or the answer to the form (no notification: the confirmation, or
/// the note that the address already follows it). It is claimed (committed) before the SMTP
/// conversation and marked sent after, so a sender killed in between leaves a claimed row that is never
/// tried again.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }
    /// <summary>Null for the answer to the form.</summary>
    public long? NotificationId { get; init; }
    /// <summary>The answer to the form: the secret of the confirmation link (null for the note that the
    /// address already follows it), kept only until the mail is sent or given up.</summary>
    public string? ConfirmationToken { get; set; }
    /// <summary>The answer to the form: what is followed, as the page named it in the subscriber's language.</summary>
    public string? Title { get; init; }
    /// <summary>When the row was written: the form's answers of the last hour are what the per-address limit counts.</summary>
    public DateTime CreatedUtc { get; init; }
    /// <summary>The subscription it is for; null for staff, who hear of a topic by their role (<c>IAlertAudience</c>).</summary>
    public Guid? SubscriptionId { get; init; }
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
