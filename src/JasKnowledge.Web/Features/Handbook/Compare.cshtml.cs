using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>/nl/handboek/edities/1.0...1.1: what changed between two editions, chapter by chapter, in
/// the text they were made from. The older edition comes first in the address; the other order is
/// redirected to it. An unknown edition, or one whose text was not kept, answers 404 with the form.</summary>
public sealed class HandbookCompareModel(HandbookReader reader, HandbookEditions editions, CultureCatalog cultures)
    : HandbookPageModel(reader, cultures)
{
    public IReadOnlyList<HandbookEdition> Editions { get; private set; } = [];
    public HandbookEdition? Older { get; private set; }
    public HandbookEdition? Newer { get; private set; }
    public IReadOnlyList<ChapterComparison> Chapters { get; private set; } = [];
    /// <summary>The label asked for that is not an edition (shortened for display).</summary>
    public string? Unknown { get; private set; }
    /// <summary>The edition whose text the portal does not have.</summary>
    public string? TextMissing { get; private set; }
    public bool Same => Older is not null && Older == Newer;

    public async Task<IActionResult> OnGetAsync(string culture, string? from, string? to, CancellationToken cancellationToken)
    {
        // Model binding gives null for a label of only spaces (/1.0...%20): that is an unknown edition too.
        (from, to) = (from ?? "", to ?? "");
        await LoadAsync(culture, $"/handboek/edities/{Uri.EscapeDataString(from)}...{Uri.EscapeDataString(to)}", cancellationToken);
        Editions = await editions.ListAsync(cancellationToken);
        var first = Find(from);
        var second = Find(to);
        if (first is null || second is null)
        {
            var label = first is null ? from : to;
            Unknown = label.Length > 40 ? label[..40] + "…" : label;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        // Editions are listed newest first: the higher index is the older edition.
        var order = Editions.ToList();
        var (older, newer) = order.IndexOf(first) >= order.IndexOf(second) ? (first, second) : (second, first);
        if (older.Version != from || newer.Version != to)
            return RedirectPermanent(HandbookFeature.CompareUrl(culture, older.Version, newer.Version));
        (Older, Newer) = (older, newer);
        if (Same) return Page();
        var before = await editions.SourceAsync(older, cancellationToken);
        var after = await editions.SourceAsync(newer, cancellationToken);
        if (before is null || after is null)
        {
            TextMissing = before is null ? older.Version : newer.Version;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Chapters = EditionComparison.Compare(before, after);
        return Page();
    }

    private HandbookEdition? Find(string version) =>
        Editions.FirstOrDefault(e => string.Equals(e.Version, version, StringComparison.OrdinalIgnoreCase));
}
