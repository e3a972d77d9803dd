using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

public sealed class HandbookIndexModel(HandbookReader reader, HandbookEditions editions, CultureCatalog cultures)
    : HandbookPageModel(reader, cultures)
{
    public string IntroHtml { get; private set; } = "";
    public HandbookEdition? Latest { get; private set; }
    /// <summary>True when the web text is the text of the latest edition.</summary>
    public bool MatchesLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, "/handboek", cancellationToken);
        if (Handbook.Home is null && Handbook.Chapters.Count == 0) return NotFound();
        IntroHtml = Handbook.Home is { } home ? MarkdownRenderer.ToHtml(home.Version.Body) : "";
        ViewData[LayoutData.Title] = Handbook.Home?.Version.Title ?? "Het Gesprek";
        ViewData[LayoutData.Description] = Handbook.Home?.Version.Summary;
        Latest = (await editions.ListAsync(cancellationToken)).FirstOrDefault();
        // Editions are of the Dutch text; compare with the Dutch handbook, whatever the reader's language.
        var dutch = Text.Code == HandbookFeature.EditionCulture ? Handbook : await LoadOtherAsync(HandbookFeature.EditionCulture, cancellationToken);
        MatchesLatest = Latest?.Source is { } source && source == dutch.SourceDigest();
        return Page();
    }
}
