namespace JasKnowledge.Core.Audit;

/// <summary>Who did what to which item, and when. Written in the same transaction as the change itself.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime AtUtc { get; init; }
    /// <summary>The account (e-mail) or process ("import") that acted.</summary>
    public required string Actor { get; init; }
    /// <summary>A stable verb such as "content.publish" or "asset.revision.add".</summary>
    public required string Action { get; init; }
    /// <summary>What was acted on, e.g. "page/home (nl) v3".</summary>
    public required string Subject { get; init; }
    public string? Detail { get; init; }
}
