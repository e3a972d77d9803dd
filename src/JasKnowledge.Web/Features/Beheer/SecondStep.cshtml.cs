using JasKnowledge.Core.Telemetry;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
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
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(BeheerFeature.LoginPath) : Page();

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
        if (user is null) return Redirect(BeheerFeature.LoginPath);
        if (code.Length == 0)
        {
            Problem = "Vul de code in.";
            return Page();
        }
        var result = await check(code);
        if (result.Succeeded)
        {
            await accounts.SignedInAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/beheer");
        }
        metrics.SignInFailed("second-step", result.IsLockedOut);
        Problem = result.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
            : "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, en vul de nieuwste code in.";
        return Page();
    }
}
