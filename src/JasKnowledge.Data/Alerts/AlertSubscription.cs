namespace JasKnowledge.Data.Alerts;

/// <summary>One address following one thing, with what the privacy statement promises and nothing
/// more: the address, the choice, the language, how often, and when.</summary>
public sealed class AlertSubscription
{
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>Lower-cased, so one person is one address.</summary>
    public required string Email { get; init; }
    /// <summary>What is followed (see AlertTopics in the Alerts feature).</summary>
    public required string Topic { get; init; }
    /// <summary>The language of the page it was made on: of the mails, and of the content followed.</summary>
    public required string Culture { get; set; }
    public bool Weekly { get; set; }
    public DateTime CreatedUtc { get; init; }
    /// <summary>Null until the link in the confirmation mail is followed; nothing else is sent before.</summary>
    public DateTime? ConfirmedUtc { get; set; }
    /// <summary>SHA-256 (hex) of the confirmation link's secret; null once used.</summary>
    public string? ConfirmationHash { get; set; }
    public DateTime? ConfirmationExpiresUtc { get; set; }
}
