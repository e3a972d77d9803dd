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
    /// <summary>The languages this account reads remarks in: every one for editors and administrators, a translator's own
    /// (as for translations: not the source language, and only the bound ones where the account has them).</summary>
    public IReadOnlyList<CultureDefinition> Languages => cultures.All.Where(c => MayRead(c.Code)).ToList();
    /// <summary>Said after a removal (or an attempt on one already gone), on the page it returns to.</summary>
    [TempData] public string? Outcome { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var days = int.TryParse(Period, out var chosen) && PageFeedbackLog.Periods.Contains(chosen) ? chosen : DefaultPeriod;
        var language = Language?.Trim().ToLowerInvariant();
        var culture = language is not null && cultures.Contains(language) && MayRead(language) ? language : null;
        Report = await log.ReportAsync(days, culture, Readable(), cancellationToken);
        ViewData[LayoutData.Title] = "Reacties op pagina's";
    }

    /// <summary>Removes one remark (personal data, abuse) and returns to the same view.</summary>
    public async Task<IActionResult> OnPostVerwijderenAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is not > 0) return BadRequest();
        var outcome = await log.RemoveCommentAsync(id.Value, User.Identity?.Name ?? "onbekend", Readable(), cancellationToken);
        Outcome = outcome switch
        {
            RemarkRemoval.Removed => "De reactie is verwijderd.",
            RemarkRemoval.NotYourLanguage => "Die reactie is in een taal die u niet beheert; een redacteur kan haar verwijderen.",
            _ => "Die reactie was al verwijderd.",
        };
        return RedirectToPage(new { periode = Period, taal = Language });
    }

    private bool MayRead(string culture) => Readable() is not { } own || own.Contains(culture);

    /// <summary>Null for every language; else the ones this account may read.</summary>
    private IReadOnlyList<string>? Readable() => ContentAccess.ReportLanguages(User, cultures);

    public string LanguageName(string code) => cultures.Find(code) is { } culture ? $"{culture.NativeName} ({code})" : code;
}
