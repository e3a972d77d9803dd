using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>/{culture}/meldingen/beheren/{token}: everything one address follows, from the link in
/// each mail; stop one, or delete the address with everything stored about it. Its forms carry no
/// antiforgery token: the address itself is the secret (a forged form would need the link, and whoever
/// has the link can post without forging), and the token's Secure cookie made the page fail with 500
/// wherever a node is reached over plain HTTP.</summary>
[IgnoreAntiforgeryToken, NotCached, NoStore]
public sealed class ManageModel(AlertSubscriptions subscriptions, AlertLinks links) : PageModel
{
    public bool Valid { get; private set; }
    public bool Deleted { get; private set; }
    public IReadOnlyList<FollowedTopic> Followed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) => await ShowAsync(token, cancellationToken);

    public async Task<IActionResult> OnPostStopAsync(string? token, Guid id, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is { } email) await subscriptions.DeleteAsync(email, id, cancellationToken);
        return await ShowAsync(token, cancellationToken);
    }

    public async Task<IActionResult> OnPostAllAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is { } email)
        {
            await subscriptions.DeleteAsync(email, null, cancellationToken);
            Deleted = true;
        }
        return await ShowAsync(token, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.ReadManage(token) is not { } email)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Valid = true;
        Followed = await subscriptions.ListAsync(email, cancellationToken);
        return Page();
    }
}
