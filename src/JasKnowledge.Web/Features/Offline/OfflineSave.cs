namespace JasKnowledge.Web.Features.Offline;

/// <summary>The "Bewaar voor offline" block of a page: what it keeps, the title the offline page lists
/// it under, and one sentence saying what will be kept.</summary>
public sealed record OfflineSave(OfflineCopy Copy, string Title, string Hint)
{
    public const string Partial = "/Features/Offline/_OfflineSave.cshtml";
}
