namespace JasKnowledge.Web.Features.Handbook;

/// <summary>Set only while the edition command renders a new edition, so the printable handbook
/// can carry the edition's label and date on its cover. Never set from a request.</summary>
public sealed class PendingEdition
{
    public string? Version { get; set; }
    public DateTime PublishedUtc { get; set; }
}
