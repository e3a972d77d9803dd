using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The whole handbook as one document, for printing and as the source of the PDF edition:
/// the web text and the PDF are the same HTML. Not cached: while the edition command prints, it
/// shows the edition being made.</summary>
[Hosting.Caching.NotCached]
public sealed class HandbookPrintModel(HandbookReader reader, HandbookEditions editions, PendingEdition pending, CultureCatalog cultures)
    : HandbookPageModel(reader, cultures)
{
    public IReadOnlyList<(HandbookChapter Chapter, string Html)> Chapters { get; private set; } = [];
    /// <summary>The edition this print is, when the edition command renders it.</summary>
    public (string Version, DateTime PublishedUtc)? Edition { get; private set; }
    public HandbookEdition? Latest { get; private set; }
    public DateTime TextDateUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, "/handboek/afdrukken", cancellationToken);
        if (Handbook.Chapters.Count == 0) return NotFound();
        Chapters = Handbook.Chapters
            .Select(c => (c, MarkdownRenderer.ToHtml(c.Version.Body, c.Slug + "-", headingOffset: 1)))
            .ToList();
        if (pending.Version is { } version) Edition = (version, pending.PublishedUtc);
        else Latest = (await editions.ListAsync(cancellationToken)).FirstOrDefault();
        TextDateUtc = Handbook.Chapters.Max(c => c.Version.PublishedUtc ?? c.Version.CreatedUtc);
        return Page();
    }
}
