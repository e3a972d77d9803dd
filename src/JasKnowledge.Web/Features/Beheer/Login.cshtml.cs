using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Core.Telemetry;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/inloggen: sign-in with e-mail and password; an account with a second factor goes on
/// to /beheer/inloggen/tweede-stap. Failures count towards lockout; the message never says whether the
/// address exists.</summary>
[AllowAnonymous, NotCached, EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, AccountAdministration accounts, PortalMetrics metrics) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Problem { get; private set; }

    /// <summary>Arrived here from signing out.</summary>
    public bool SignedOut { get; private set; }

    /// <summary>Arrived here from the second step, whose sign-in ended because the account changed meanwhile.</summary>
    public bool Interrupted { get; private set; }

    public void OnGet(string? uitgelogd, string? afgebroken)
    {
        SignedOut = uitgelogd == "ja";
        Interrupted = afgebroken == "ja";
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = "Vul uw e-mailadres en uw wachtwoord in.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            metrics.SignInFailed("password", lockedOut: true);
            Problem = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.";
            return Page();
        }
        if (result.RequiresTwoFactor)
            return Redirect(BeheerFeature.SecondStepPath + (Url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
        // A disabled account (NotAllowed) hears the same as a wrong password: nothing about the account.
        if (!result.Succeeded)
        {
            metrics.SignInFailed("password", lockedOut: false);
            Problem = "Het e-mailadres of het wachtwoord klopt niet.";
            return Page();
        }
        // Not enrolled yet: signed in, and the second factor is the next page it can open.
        if (await signIn.UserManager.FindByEmailAsync(Email.Trim()) is { } user) await accounts.SignedInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/beheer");
    }
}
