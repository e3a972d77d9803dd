using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>Every edition of the handbook with its files, or one edition with a plain notice when a
/// newer one exists. An unknown edition answers 404 and lists the editions that exist.</summary>
public sealed class HandbookEditionsModel(HandbookReader reader, HandbookEditions editions, CultureCatalog cultures)
    : HandbookPageModel(reader, cultures)
{
    public IReadOnlyList<HandbookEdition> Editions { get; private set; } = [];
    public HandbookEdition? Selected { get; private set; }
    public string? UnknownVersion { get; private set; }
    /// <summary>The chapters of the selected edition, readable on the web, when its text was kept.</summary>
    public IReadOnlyList<EditionSourceChapter> Chapters { get; private set; } = [];

    /// <summary>The edition before this one, when both kept their text and so can be compared.</summary>
    public HandbookEdition? Previous(HandbookEdition edition)
    {
        var index = Editions.ToList().IndexOf(edition);
        return edition.SourceFile is not null && index >= 0 && index + 1 < Editions.Count && Editions[index + 1].SourceFile is not null
            ? Editions[index + 1] : null;
    }

    public async Task<IActionResult> OnGetAsync(string culture, string? version, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, version is null ? "/handboek/edities" : $"/handboek/edities/{Uri.EscapeDataString(version)}", cancellationToken);
        Editions = await editions.ListAsync(cancellationToken);
        if (version is null) return Page();
        if (string.Equals(version, HandbookFeature.NewestEdition, StringComparison.OrdinalIgnoreCase))
            return Redirect(Editions.FirstOrDefault() is { } newest ? HandbookFeature.EditionUrl(culture, newest.Version) : HandbookFeature.EditionsUrl(culture));
        Selected = Editions.FirstOrDefault(e => string.Equals(e.Version, version, StringComparison.OrdinalIgnoreCase));
        if (Selected is null)
        {
            UnknownVersion = version.Length > 40 ? version[..40] + "…" : version;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (await editions.SourceAsync(Selected, cancellationToken) is { } source) Chapters = source.Chapters;
        return Page();
    }
}
