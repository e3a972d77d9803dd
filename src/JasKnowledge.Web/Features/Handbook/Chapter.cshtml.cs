using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

public sealed class HandbookChapterModel(HandbookReader reader, CultureCatalog cultures) : HandbookPageModel(reader, cultures)
{
    public HandbookChapter Chapter { get; private set; } = null!;
    public IReadOnlyList<MarkdownHeading> OnThisPage { get; private set; } = [];
    public string Html { get; private set; } = "";
    public HandbookChapter? Previous { get; private set; }
    public HandbookChapter? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, $"/handboek/{slug}", cancellationToken);
        if (Handbook.Find(slug) is not { } chapter) return NotFound();
        Chapter = chapter;
        OnThisPage = MarkdownOutline.Headings(chapter.Version.Body, maxLevel: 2);
        Html = MarkdownRenderer.ToHtml(chapter.Version.Body);
        (Previous, Next) = Handbook.Around(chapter);
        ViewData[LayoutData.Title] = chapter.Title;
        ViewData[LayoutData.Description] = chapter.Version.Summary;
        return Page();
    }
}
