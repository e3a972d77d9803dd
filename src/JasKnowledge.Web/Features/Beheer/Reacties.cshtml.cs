using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Feedback;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Beheer.Inhoud;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/reacties?periode=&amp;taal=: visitors' answers to "Heb je iets aan deze pagina?" per page (the pages most
/// often of no use first) and their remarks, newest first, each of which an editor can remove. A period or language the
/// page does not offer shows the last 30 days in all languages.</summary>
[Authorize(Roles = ContentAccess.Roles)]
public sealed class ReactiesModel(PageFeedbackLog log, CultureCatalog cultures) : PageModel
{
    public const int DefaultPeriod = 30;

    [BindProperty(SupportsGet = true, Name = "periode")] public string? Period { get; set; }
    [BindProperty(SupportsGet = true, Name = "taal")] public string? Language { get; set; }
    public PageFeedbackReport Report { get; private set; } = null!;
    public IReadOnlyList<CultureDefinition> Languages => cultures.All;
    /// <summary>Said after a removal (or an attempt on one already gone), on the page it returns to.</summary>
    [TempData] public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var days = int.TryParse(Period, out var chosen) && PageFeedbackLog.Periods.Contains(chosen) ? chosen : DefaultPeriod;
        var culture = Language is not null && cultures.Contains(Language) ? Language : null;
        Report = await log.ReportAsync(days, culture, cancellationToken);
        ViewData[LayoutData.Title] = "Reacties op pagina's";
    }

    /// <summary>Removes one remark (personal data, abuse) and returns to the same view.</summary>
    public async Task<IActionResult> OnPostVerwijderenAsync(long id, CancellationToken cancellationToken)
    {
        var removed = await log.RemoveCommentAsync(id, User.Identity?.Name ?? "onbekend", cancellationToken);
        Outcome = removed ? "De reactie is verwijderd." : "Die reactie was al verwijderd.";
        return RedirectToPage(new { periode = Period, taal = Language });
    }

    public string LanguageName(string code) => cultures.Find(code) is { } culture ? $"{culture.NativeName} ({code})" : code;
}
