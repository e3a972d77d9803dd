using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>/{culture}/meldingen/bevestigen/{token}: the link in the confirmation mail, valid once and
/// for 7 days. Opening it asks; the button confirms (POST). Mail security scanners open every link in a
/// mail, and a subscription must be the mailbox owner's own choice. An unknown, used or expired link gets
/// 404 with a sentence saying so. No antiforgery token: the secret is the link itself, and a page opened
/// from a mail may have no cookie yet.</summary>
[NotCached, NoStore, IgnoreAntiforgeryToken]
public sealed class ConfirmModel(AlertSubscriptions subscriptions, AlertLinks links) : PageModel
{
    public string? Title { get; private set; }
    public bool Confirmed { get; private set; }
    public string? ManagePath { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        Title = await subscriptions.PendingTitleAsync(token, cancellationToken);
        if (Title is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string culture, string? token, CancellationToken cancellationToken)
    {
        if (await subscriptions.ConfirmAsync(token, cancellationToken) is not { } confirmed)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        (Title, Confirmed) = (confirmed.Title, true);
        ManagePath = links.ManagePath(culture, confirmed.Email);
        return Page();
    }
}
