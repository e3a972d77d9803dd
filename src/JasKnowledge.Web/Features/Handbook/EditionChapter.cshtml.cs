using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>/nl/handboek/edities/1.0/inleiding: one chapter as an edition printed it, from the text the edition was made
/// from (kept with its PDF, its digest checked), so a policy document that cites edition 1.0 can link to the very section it
/// means, as Read the Docs keeps every version readable. An older edition says so and links to the chapter as it is now and to
/// what changed since. An unknown edition or chapter, or an edition whose text was not kept, answers 404.</summary>
public sealed class HandbookEditionChapterModel(HandbookReader reader, HandbookEditions editions, CultureCatalog cultures)
    : HandbookPageModel(reader, cultures)
{
    public HandbookEdition? Edition { get; private set; }
    public HandbookEdition? Latest { get; private set; }
    public EditionSourceChapter? Chapter { get; private set; }
    public string Html { get; private set; } = "";
    /// <summary>Whether the chapter is still in the handbook as it is now (a removed chapter has no "now" to link to).</summary>
    public bool StillExists { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string version, string slug, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, $"/handboek/edities/{Uri.EscapeDataString(version)}/{slug}", cancellationToken);
        var all = await editions.ListAsync(cancellationToken);
        Latest = all.FirstOrDefault();
        Edition = all.FirstOrDefault(e => string.Equals(e.Version, version, StringComparison.OrdinalIgnoreCase));
        if (Edition is null || await editions.SourceAsync(Edition, cancellationToken) is not { } source
            || source.Chapters.FirstOrDefault(c => c.Slug == slug) is not { } chapter)
            return NotFound();
        if (Edition.Version != version) return RedirectPermanent(HandbookFeature.EditionChapterUrl(culture, Edition.Version, slug));
        Chapter = chapter;
        Html = MarkdownRenderer.ToHtml(chapter.Body);
        StillExists = Handbook.Chapters.Any(c => c.Slug == slug);
        return Page();
    }
}
