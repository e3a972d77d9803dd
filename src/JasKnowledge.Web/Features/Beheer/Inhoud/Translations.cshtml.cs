using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>
/// /beheer/vertalingen: the translation status with its work: every translated item × every language,
/// a link to edit a translation that exists, and "Vertaling beginnen" where it is missing. A new
/// translation starts as a draft with the Dutch text and records the Dutch version it was made from.
/// </summary>
[Authorize(Roles = ContentAccess.Roles)]
public sealed class TranslationsModel(TranslationStatus status, JasDbContext db, ContentStore store, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<TranslationRow> Rows { get; private set; } = [];
    public IReadOnlyList<CultureDefinition> Languages { get; } = cultures.All.Where(c => c.Code != cultures.Default.Code).ToList();
    /// <summary>Items by localization set and culture, drafts included.</summary>
    public IReadOnlyDictionary<(string Set, string Culture), ContentItem> Items { get; private set; } = new Dictionary<(string, string),
        ContentItem>();
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string set, string culture, CancellationToken cancellationToken)
    {
        if (!cultures.Contains(culture) || culture == cultures.Default.Code)
            return await RefuseAsync($"'{Short(culture)}' is geen taal om naar te vertalen.", cancellationToken);
        var source = await store.FindAsync(set ?? "", cultures.Default.Code, cancellationToken);
        if (source?.Published is not { } published)
            return await RefuseAsync("Er is geen gepubliceerde Nederlandse tekst om te vertalen.", cancellationToken);
        if (await store.FindAsync(source.LocalizationSet, culture, cancellationToken) is { } existing)
            return Redirect($"/beheer/inhoud/{existing.Id}");
        // The Dutch text is the starting point; type-specific fields stay with the Dutch item.
        var text = new VersionText(published.Title, published.Body, published.Summary, null,
            $"Vertaling begonnen van de Nederlandse versie {published.Number}.", SourceVersion: published.Number);
        var item = await store.CreateAsync(
            source.Type, culture, source.LocalizationSet, source.Slug, text, User.Identity?.Name ?? "onbekend", cancellationToken);
        return Redirect($"/beheer/inhoud/{item.Id}");
    }

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await status.RowsAsync(cancellationToken);
        var sets = Rows.Select(r => r.LocalizationSet).ToList();
        Items = (
            await db.ContentItems.AsNoTracking().Include(i => i.Versions).Where(i => sets.Contains(i.LocalizationSet)).ToListAsync(cancellationToken))
            .ToDictionary(i => (i.LocalizationSet, i.Culture));
        ViewData[LayoutData.Title] = "Vertalingen";
    }

    private static string Short(string? value) => value is { Length: > 20 } ? value[..20] + "…" : value ?? "";
}
