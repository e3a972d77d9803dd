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
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(Email.Trim());
        if (user is null)
        {
            // As long as a wrong password takes: the time of the answer must not tell whether the address has an account.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), UnknownAccountHash(users), Password);
            return WrongPassword(lockedOut: false);
        }
        // A locked account is said to be locked only to whoever gives its password: to anyone else it looks like any wrong
        // password, so that trying five times cannot tell which addresses have an account (the attack of 6 December 2026).
        if (await users.IsLockedOutAsync(user))
            return await users.CheckPasswordAsync(user, Password) ? LockedOut() : WrongPassword(lockedOut: true);
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // This attempt started the lock: the audit log says so, the person at the form hears what every wrong password hears.
            await accounts.LockedOutAsync(user, "wachtwoord");
            return WrongPassword(lockedOut: true);
        }
        if (result.RequiresTwoFactor)
            return Redirect(BeheerFeature.SecondStepPath + (Url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
        // A disabled account (NotAllowed) hears the same as a wrong password: nothing about the account.
        if (!result.Succeeded) return WrongPassword(lockedOut: false);
        // Not enrolled yet: signed in, and the second factor is the next page it can open.
        await accounts.SignedInAsync(user, "wachtwoord");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/beheer");
    }

    private PageResult WrongPassword(bool lockedOut)
    {
        metrics.SignInFailed("password", lockedOut);
        Problem = "Het e-mailadres of het wachtwoord klopt niet.";
        return Page();
    }

    private PageResult LockedOut()
    {
        metrics.SignInFailed("password", lockedOut: true);
        Problem = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.";
        return Page();
    }

    /// <summary>A hash of no one's password, made once with the portal's own hasher (so checking against it costs what a real check costs).</summary>
    private static string UnknownAccountHash(UserManager<PortalUser> users) =>
        _unknownAccountHash ??= users.PasswordHasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    private static string? _unknownAccountHash;
}
