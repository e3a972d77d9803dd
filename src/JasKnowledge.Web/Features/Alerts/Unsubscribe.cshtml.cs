using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>/{culture}/meldingen/afmelden/{token}: GET asks (a mail scanner that follows links must not
/// unsubscribe anyone), POST does it — from the page's button or as RFC 8058's one-click POST by a mail
/// program, which carries no antiforgery token and no cookie.</summary>
[IgnoreAntiforgeryToken, NotCached, NoStore]
public sealed class UnsubscribeModel(AlertSubscriptions subscriptions, AlertLinks links) : PageModel
{
    public bool Valid { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string? token)
    {
        Valid = links.ReadUnsubscribe(token) is not null;
        if (!Valid) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.ReadUnsubscribe(token) is not { } what)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await subscriptions.UnsubscribeAsync(what.Subscription, what.WeeklyOf, cancellationToken);
        Valid = Done = true;
        return Page();
    }
}
