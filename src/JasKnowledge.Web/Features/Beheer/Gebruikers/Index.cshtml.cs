using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Gebruikers;

/// <summary>/beheer/gebruikers (administrators): every account with its role, municipality, last
/// sign-in, second factor and state, and the form that invites someone: the account is made at once,
/// with a single-use link valid for 72 hours or a one-time password, shown once on the answer.</summary>
[Authorize(Roles = PortalRoles.Administrator), NotCached]
public sealed class IndexModel(AccountAdministration accounts, PublicOrigin origin, CultureCatalog cultures) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Role { get; set; } = PortalRoles.Editor;
    [BindProperty] public string? Gemeente { get; set; }
    [BindProperty] public bool ByLink { get; set; } = true;
    /// <summary>For a translator: the languages they translate into (none: every language).</summary>
    [BindProperty] public List<string> Languages { get; set; } = [];
    public IReadOnlyList<CultureDefinition> TranslationLanguages => cultures.Translated;
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public Invitation? Invited { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Problems = ["Vul een e-mailadres in."];
        // A choice the form cannot send (ByLink=banana) must not quietly become the default way to invite.
        else if (ModelState[nameof(ByLink)]?.Errors.Count > 0) Problems = ["Kies hoe de uitnodiging gaat: met een link of met een eenmalig wachtwoord."];
        else
        {
            var (invitation, problems) = await accounts.InviteAsync(User.Identity!.Name!, Email, Role, Gemeente, ByLink, Languages);
            Problems = problems;
            Invited = invitation;
            if (invitation is not null) (Email, Gemeente, Languages) = (null, null, []);
        }
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        Accounts = await accounts.ListAsync();
        return Page();
    }

    /// <summary>The link to hand over: on the configured public address when there is one (Jas:PublicBaseUrl).</summary>
    public string LinkFor(string token) =>
        $"{origin.Value}{BeheerFeature.InvitationPath}/{token}";

}

/// <summary>How the user pages name roles and states, in Dutch.</summary>
public static class AccountLabels
{
    /// <summary>The roles, a translator's with their languages ("vertaler: ar, ti").</summary>
    public static string Roles(AccountSummary account) => string.Join(", ", account.Roles.Select(role =>
        role == PortalRoles.Translator ? $"{RoleName(role)}: {LanguagesOf(account)}" : RoleName(role)));

    public static string LanguagesOf(AccountSummary account) =>
        account.Languages is { Count: > 0 } codes ? string.Join(", ", codes) : "alle talen";

    public static string RoleName(string role) => role switch
    {
        PortalRoles.Administrator => "beheerder",
        PortalRoles.Editor => "redacteur",
        PortalRoles.Translator => "vertaler",
        PortalRoles.MunicipalEditor => "gemeentelijke redacteur",
        _ => role,
    };

    /// <summary>The code with the name, so that 0546 (Leiden) and 0547 (Leiderdorp) are not confused.</summary>
    public static string Gemeente(AccountSummary account) => account.Gemeente switch
    {
        null => "–",
        var code => $"{code} ({account.GemeenteName ?? "niet in de lijst van het CBS"})",
    };

    public static string State(AccountSummary account) =>
        account.Disabled ? "uitgeschakeld"
        : account.LockedOut ? "tijdelijk geblokkeerd"
        : account.InvitationOpen ? "uitgenodigd"
        : "actief";
}
