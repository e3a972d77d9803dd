using JasKnowledge.Core.Telemetry;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/inloggen/tweede-stap: after the right password, the code from the authenticator app
/// (TOTP, RFC 6238) or one of the recovery codes (each works once). Wrong codes count towards the same
/// lockout as wrong passwords, and the attempts share the sign-in rate limit.</summary>
[AllowAnonymous, NotCached, EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class SecondStepModel(SignInManager<PortalUser> signIn, AccountAdministration accounts, PortalMetrics metrics) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    /// <summary>No half-done sign-in (any more): the first step again, saying why when the account's sessions ended meanwhile.</summary>
    private RedirectResult BackToSignIn() =>
        Redirect(HttpContext.Items.ContainsKey(HalfDoneSignIn.EndedItem) ? BeheerFeature.LoginPath + "?afgebroken=ja" : BeheerFeature.LoginPath);

    public Task<IActionResult> OnPostAsync() =>
        FinishAsync(
            new string((Code ?? "").Where(char.IsAsciiDigit).ToArray()), code
            => signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false));

    public Task<IActionResult> OnPostRecoveryAsync() =>
        FinishAsync((RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim(), signIn.TwoFactorRecoveryCodeSignInAsync);

    private async Task<IActionResult> FinishAsync(string code, Func<string, Task<Microsoft.AspNetCore.Identity.SignInResult>> check)
    {
        // Whoever gave the right password, from the short-lived cookie between the two steps.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return BackToSignIn();
        if (code.Length == 0)
        {
            Problem = "Vul de code in.";
            return Page();
        }
        // Asked again at this step: an account disabled or locked out after its password was given must not
        // finish signing in. Identity checks this for an authenticator code, not for a recovery code.
        if (!await signIn.CanSignInAsync(user))
        {
            metrics.SignInFailed("second-step", lockedOut: false);
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            Problem = "Dit account kan niet inloggen: het is uitgeschakeld. Vraag een beheerder om het weer aan te zetten.";
            return Page();
        }
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            metrics.SignInFailed("second-step", lockedOut: true);
            Problem = LockedOut;
            return Page();
        }
        var result = await check(code);
        if (result.Succeeded)
        {
            await accounts.SignedInAsync(user, RecoveryCode is not null ? "herstelcode" : "code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/beheer");
        }
        metrics.SignInFailed("second-step", result.IsLockedOut);
        // The lock was checked above: this attempt started it.
        if (result.IsLockedOut) await accounts.LockedOutAsync(user, "code");
        Problem = result.IsLockedOut ? LockedOut
            : RecoveryCode is not null ? "Deze herstelcode klopt niet, of is al gebruikt. Elke herstelcode werkt één keer."
            : "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, en vul de nieuwste code in.";
        return Page();
    }

    private const string LockedOut = "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.";
}
