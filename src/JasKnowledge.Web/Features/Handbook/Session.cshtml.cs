using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Handbook;

public sealed class HandbookSessionModel(HandbookReader reader, CultureCatalog cultures) : HandbookPageModel(reader, cultures)
{
    public IReadOnlyList<SessionSheet> Sheets { get; private set; } = [];

    /// <summary>One session's sheet (slug given) or all of them, one per printed page.</summary>
    public async Task<IActionResult> OnGetAsync(string culture, string? slug, CancellationToken cancellationToken)
    {
        await LoadAsync(culture, slug is null ? "/handboek/sessies" : $"/handboek/{slug}/sessie", cancellationToken);
        if (slug is null)
        {
            Sheets = Handbook.Sessions.Select(s => SessionSheet.For(s, standalone: false)).ToList();
            if (Sheets.Count == 0) return NotFound();
            return Page();
        }
        if (Handbook.Find(slug) is not { IsSession: true } chapter) return NotFound();
        Sheets = [SessionSheet.For(chapter, standalone: true)];
        return Page();
    }
}
