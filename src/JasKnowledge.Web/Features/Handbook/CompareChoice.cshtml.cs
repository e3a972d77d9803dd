using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>/nl/handboek/edities/vergelijken?van=1.0&amp;naar=1.1: where the form on the editions page
/// goes (a form cannot build a path); sends the reader on to the comparison's own address.</summary>
public sealed class HandbookCompareChoiceModel : PageModel
{
    public IActionResult OnGet(string culture, string? van, string? naar) =>
        string.IsNullOrWhiteSpace(van) || string.IsNullOrWhiteSpace(naar)
            ? Redirect(HandbookFeature.EditionsUrl(culture) + "#vergelijken")
            : Redirect(HandbookFeature.CompareUrl(culture, van.Trim(), naar.Trim()));
}
