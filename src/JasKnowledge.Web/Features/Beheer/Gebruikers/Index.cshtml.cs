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
public sealed class IndexModel(AccountAdministration accounts, PublicOrigin origin) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Role { get; set; } = PortalRoles.Editor;
    [BindProperty] public string? Gemeente { get; set; }
    [BindProperty] public bool ByLink { get; set; } = true;
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public Invitation? Invited { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Problems = ["Vul een e-mailadres in."];
        else
        {
            var (invitation, problems) = await accounts.InviteAsync(User.Identity!.Name!, Email, Role, Gemeente, ByLink);
            Problems = problems.Select(Dutch).ToList();
            Invited = invitation;
            if (invitation is not null) (Email, Gemeente) = (null, null);
        }
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        Accounts = await accounts.ListAsync();
        return Page();
    }

    /// <summary>The link to hand over: on the configured public address when there is one (Jas:PublicBaseUrl).</summary>
    public string LinkFor(string token) =>
        $"{origin.Value}{BeheerFeature.InvitationPath}/{token}";

    /// <summary>The account commands speak English (they are for operators); this page speaks Dutch.</summary>
    private static string Dutch(string problem) =>
        problem.Contains("exists already", StringComparison.Ordinal) ? "Er is al een account met dit e-mailadres."
        : problem.Contains("needs the CBS code", StringComparison.Ordinal)
            ? "Een gemeentelijke redacteur hoort bij één gemeente: vul de CBS-code in (vier cijfers, bijvoorbeeld 0546)."
        : problem.Contains("Only a municipal editor", StringComparison.Ordinal)
            ? "Alleen een gemeentelijke redacteur hoort bij een gemeente: laat de CBS-code leeg."
        : problem.Contains("is not a role", StringComparison.Ordinal) ? "Kies een van de rollen."
        : problem;
}

/// <summary>How the user pages name roles and states, in Dutch.</summary>
public static class AccountLabels
{
    public static string RoleName(string role) => role switch
    {
        PortalRoles.Administrator => "beheerder",
        PortalRoles.Editor => "redacteur",
        PortalRoles.Translator => "vertaler",
        PortalRoles.MunicipalEditor => "gemeentelijke redacteur",
        _ => role,
    };

    public static string State(AccountSummary account) =>
        account.Disabled ? "uitgeschakeld"
        : account.LockedOut ? "tijdelijk geblokkeerd"
        : account.InvitationOpen ? "uitgenodigd"
        : "actief";
}
