using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>/{culture}/meldingen/bevestigen/{token}: the link in the confirmation mail, valid once and
/// for 7 days. An unknown, used or expired link gets 404 with a sentence saying so.</summary>
[NotCached]
public sealed class ConfirmModel(AlertSubscriptions subscriptions, AlertLinks links) : PageModel
{
    public string? Title { get; private set; }
    public string? ManagePath { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string? token, CancellationToken cancellationToken)
    {
        if (await subscriptions.ConfirmAsync(token, cancellationToken) is not { } confirmed)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = confirmed.Title;
        ManagePath = links.ManagePath(culture, confirmed.Email);
        return Page();
    }
}
