using System.Text;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/tweestapsverificatie: the account's second factor (ASP.NET Core Identity's
/// authenticator support). Until it is on, this is the only back-office page the account can open:
/// the shared key as a QR code (?handler=Qr, a PNG from QRCoder, so the page needs no script and no
/// data: URL) and as text, and a code from the app to prove it arrived. Then ten recovery codes,
/// shown once.</summary>
[Authorize, NotCached]
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountAdministration accounts) : PageModel
{
    public const string Issuer = "JasKnowledge";

    [BindProperty] public string? Code { get; set; }
    /// <summary>The account's password, asked again before new recovery codes are made.</summary>
    [BindProperty] public string? Password { get; set; }
    public bool Enrolled { get; private set; }
    public string? SharedKey { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnGetQrAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return NotFound();
        var issuer = Uri.EscapeDataString(Issuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return Redirect(BeheerFeature.TwoFactorPath);
        IReadOnlyList<string>? codes;
        try
        {
            codes = await accounts.EnrolAsync(user, Code ?? "");
        }
        catch (AccountRuleException e) when (e.IsConflict)
        {
            await LoadAsync(user);
            return ChangedMeanwhile(e);
        }
        if (codes is null)
        {
            Problem = "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, en vul de nieuwste code in.";
            await LoadAsync(user);
            return Page();
        }
        // The cookie no longer says "must enrol", and carries the new security stamp.
        await signIn.RefreshSignInAsync(user);
        Enrolled = true;
        RecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Redirect(BeheerFeature.TwoFactorPath);
        try
        {
            RecoveryCodes = await accounts.NewRecoveryCodesAsync(user, Password ?? "");
        }
        catch (AccountRuleException e) when (e.IsConflict)
        {
            // Sign out everywhere (or an administrator) saved the account at the same moment: no new codes were kept.
            Enrolled = true;
            return ChangedMeanwhile(e);
        }
        if (RecoveryCodes is null)
        {
            Enrolled = true;
            Problem = "Dit wachtwoord klopt niet (of het account is even geblokkeerd na te veel pogingen). Er zijn geen nieuwe herstelcodes gemaakt; de oude werken nog.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    private PageResult ChangedMeanwhile(AccountRuleException e)
    {
        Problem = e.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enrolled = user.TwoFactorEnabled;
        if (Enrolled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: renew this session's cookie with it.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Groups(key!);
    }

    /// <summary>The key in groups of four, easier to type over.</summary>
    private static string Groups(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return text.ToString().ToLowerInvariant();
    }
}
