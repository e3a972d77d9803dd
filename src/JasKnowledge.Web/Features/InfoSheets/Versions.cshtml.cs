using System.Globalization;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>/nl/informatie/{slug}/versies?van=1&amp;naar=2: the published versions of a sheet in one
/// language, and what changed between any two of them, word by word. The older version comes first;
/// the other order is redirected. An unknown version answers 404 with the list of versions.</summary>
public sealed class SheetVersionsModel(PublishedContent content, CultureCatalog cultures) : PageModel
{
    public PublishedPage Sheet { get; private set; } = null!;
    public CultureDefinition TextCulture { get; private set; } = cultures.Default;
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];
    public ContentVersion? Older { get; private set; }
    public ContentVersion? Newer { get; private set; }
    public IReadOnlyList<WordRun> Words { get; private set; } = [];
    public string? Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, string? van, string? naar, CancellationToken cancellationToken)
    {
        if (await content.FindBySlugAsync(InfoSheetsFeature.Type, slug, culture, cancellationToken) is not { } sheet) return NotFound();
        Sheet = sheet;
        TextCulture = cultures.Find(sheet.Item.Culture) ?? cultures.Default;
        Versions = await content.PublishedHistoryAsync(sheet.Item.Id, cancellationToken);
        ViewData[LayoutData.Title] = sheet.Version.Title;
        if (string.IsNullOrWhiteSpace(van) && string.IsNullOrWhiteSpace(naar)) return Page();

        var first = Find(van);
        var second = Find(naar);
        if (first is null || second is null)
        {
            var label = (first is null ? van : naar) ?? "";
            Unknown = label.Length > 40 ? label[..40] + "…" : label;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var (older, newer) = first.Number <= second.Number ? (first, second) : (second, first);
        if (older != first)
            return RedirectPermanent(InfoSheetsFeature.VersionsUrl(culture, slug, older.Number, newer.Number));
        (Older, Newer) = (older, newer);
        if (older != newer) Words = WordDiff.Compare(older.ComparableText(), newer.ComparableText());
        return Page();
    }

    private ContentVersion? Find(string? number) =>
        int.TryParse(number?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Versions.FirstOrDefault(v => v.Number == n) : null;
}
