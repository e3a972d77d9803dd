using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Search;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Beheer.Inhoud;
using JasKnowledge.Web.Features.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/zoekvragen?periode=&amp;taal=: what visitors searched in the last 7, 30 or 90 days, in one
/// language or all: the queries that found nothing (work for editors and for the glossary) and the most asked.
/// A period or language the page does not offer shows the last 30 days in all languages; a translator bound to languages
/// sees those, as on /beheer/reacties.</summary>
[Authorize(Roles = ContentAccess.Roles)]
public sealed class ZoekvragenModel(SearchQueryLog log, CultureCatalog cultures) : PageModel
{
    public const int DefaultPeriod = 30;

    [BindProperty(SupportsGet = true, Name = "periode")] public string? Period { get; set; }
    [BindProperty(SupportsGet = true, Name = "taal")] public string? Language { get; set; }
    public SearchQueryReport Report { get; private set; } = null!;
    public IReadOnlyList<CultureDefinition> Languages =>
        ContentAccess.ReportLanguages(User, cultures) is { } own ? cultures.All.Where(c => own.Contains(c.Code)).ToList() : cultures.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var days = int.TryParse(Period, out var chosen) && SearchQueryLog.Periods.Contains(chosen) ? chosen : DefaultPeriod;
        var language = Language?.Trim().ToLowerInvariant();
        var own = ContentAccess.ReportLanguages(User, cultures);
        var culture = language is not null && cultures.Contains(language) && (own is null || own.Contains(language)) ? language : null;
        Report = await log.ReportAsync(days, culture, own, cancellationToken);
        ViewData[LayoutData.Title] = "Zoekvragen";
    }

    /// <summary>The public search for the line's query in its language: what the visitor saw.</summary>
    public string SearchLink(SearchQueryLine line) =>
        $"{SearchFeature.PageUrl(cultures.Contains(line.Culture) ? line.Culture : cultures.Default.Code)}?q={Uri.EscapeDataString(line.Query)}";

    public string LanguageName(string code) => cultures.Find(code) is { } culture ? $"{culture.NativeName} ({code})" : "API, geen taal";
}
