using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/inloggen: sign-in with e-mail and password; an account with a second factor goes on
/// to /beheer/inloggen/tweede-stap. Failures count towards lockout; the message never says whether the
/// address exists.</summary>
[AllowAnonymous, NotCached, EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class LoginModel(BackOfficeSignIn signIn) : PageModel
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
        switch (await signIn.PasswordAsync(Email, Password))
        {
            case SignInOutcome.SecondStepNeeded:
                return Redirect(BeheerFeature.SecondStepPath + (Url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/beheer");
            case SignInOutcome.LockedOut:
                Problem = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.";
                return Page();
            default:
                Problem = "Het e-mailadres of het wachtwoord klopt niet.";
                return Page();
        }
    }
}
