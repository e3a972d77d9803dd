using JasKnowledge.Web.Hosting.Authentication;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/inloggen/tweede-stap: after the right password, the code from the authenticator app
/// (TOTP, RFC 6238) or one of the recovery codes (each works once). Wrong codes count towards the same
/// lockout as wrong passwords, and the attempts share the sign-in rate limit.</summary>
[AllowAnonymous, NotCached, EnableRateLimiting(AuthenticationSetup.LoginRateLimit)]
public sealed class SecondStepModel(BackOfficeSignIn signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await signIn.SecondStepWaitsAsync() ? Page() : BackToSignIn();

    /// <summary>No half-done sign-in (any more): the first step again, saying why when the account's sessions ended meanwhile.</summary>
    private RedirectResult BackToSignIn() =>
        Redirect(HttpContext.Items.ContainsKey(HalfDoneSignIn.EndedItem) ? BeheerFeature.LoginPath + "?afgebroken=ja" : BeheerFeature.LoginPath);

    public Task<IActionResult> OnPostAsync() => FinishAsync(new string((Code ?? "").Where(char.IsAsciiDigit).ToArray()), recovery: false);

    public Task<IActionResult> OnPostRecoveryAsync() =>
        FinishAsync((RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim(), recovery: true);

    private async Task<IActionResult> FinishAsync(string code, bool recovery)
    {
        if (code.Length == 0)
        {
            if (!await signIn.SecondStepWaitsAsync()) return BackToSignIn();
            Problem = "Vul de code in.";
            return Page();
        }
        var outcome = await signIn.SecondStepAsync(code, recovery);
        if (outcome == SignInOutcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/beheer");
        if (outcome == SignInOutcome.NoSecondStep) return BackToSignIn();
        Problem = outcome switch
        {
            SignInOutcome.Disabled => "Dit account kan niet inloggen: het is uitgeschakeld. Vraag een beheerder om het weer aan te zetten.",
            SignInOutcome.LockedOut => "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw.",
            SignInOutcome.ChangedMeanwhile => recovery
                ? "Op hetzelfde moment werd dit account ergens anders gebruikt, bijvoorbeeld om in te loggen. Uw herstelcode is niet gebruikt: vul hem nog een keer in."
                : "Op hetzelfde moment werd dit account ergens anders gebruikt, bijvoorbeeld om in te loggen. Uw code is niet gebruikt: vul de nieuwste code nog een keer in.",
            _ when recovery => "Deze herstelcode klopt niet, of is al gebruikt. Elke herstelcode werkt één keer.",
            _ => "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, en vul de nieuwste code in.",
        };
        return Page();
    }
}
