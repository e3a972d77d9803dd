using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/uitnodiging/{token}: a single-use invitation link (72 hours). The invited person
/// chooses a password, the link is spent, and they are signed in to enrol their second factor. An
/// unknown, used or expired link is 404.</summary>
[AllowAnonymous, NotCached, EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class InvitationModel(AccountAdministration accounts, SignInManager<PortalUser> signIn) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public string? Email { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await accounts.FindInvitationAsync(Token);
        if (user is null) return NotFound();
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var invited = await accounts.FindInvitationAsync(Token);
        if (invited is null) return NotFound();
        Email = invited.Email;
        if (string.IsNullOrEmpty(New) || New != Repeat)
        {
            Problems = ["Vul twee keer hetzelfde nieuwe wachtwoord in."];
            return Page();
        }
        var (user, errors) = await accounts.AcceptInvitationAsync(Token, New);
        if (user is null)
        {
            Problems = errors.Select(e => AccountProblem.From(e).Dutch).ToList();
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        await accounts.SignedInAsync(user, "uitnodiging");
        return Redirect(BeheerFeature.TwoFactorPath);
    }
}
