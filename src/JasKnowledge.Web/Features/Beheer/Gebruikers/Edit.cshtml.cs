using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Gebruikers;

/// <summary>/beheer/gebruikers/{id} (administrators): change the role and municipality or languages, disable or
/// enable, sign out everywhere, reset the second factor, delete. Each is a form post with antiforgery,
/// audited by <see cref="AccountAdministration"/>, which also refuses to lose the last administrator.
/// Disabling and resetting the second factor lock someone out until they act, so the first press asks.</summary>
[Authorize(Roles = PortalRoles.Administrator), NotCached]
public sealed class EditModel(AccountAdministration accounts, CultureCatalog cultures) : PageModel
{
    [FromRoute] public string Id { get; set; } = "";
    public AccountSummary Account { get; private set; } = null!;
    public string? Done { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The role, code and languages of a refused role change, shown again so the administrator can correct them.</summary>
    public (string Role, string? Gemeente, IReadOnlyList<string> Languages)? Refused { get; private set; }
    public IReadOnlyList<CultureDefinition> TranslationLanguages => cultures.Translated;
    /// <summary>The ticked languages: those just refused, else the account's own.</summary>
    public IReadOnlyList<string> ChosenLanguages => Refused?.Languages ?? Account.Languages ?? [];
    /// <summary>The action waiting for the administrator's "ja", with what it will do.</summary>
    public AccountQuestion? Question { get; private set; }

    public sealed record AccountQuestion(string Handler, string Heading, string Consequence, string Yes);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string? role, string? gemeente, string[]? languages)
    {
        var answer = await ActAsync(actor => accounts.SetRoleAsync(actor, Id, role ?? "", gemeente, languages ?? []), "De rol is opgeslagen.");
        if (Problem is not null) Refused = (role ?? "", gemeente, languages ?? []);
        return answer;
    }

    public Task<IActionResult> OnPostDisableAsync(bool confirmed) => confirmed
        ? ActAsync(actor => accounts.SetDisabledAsync(actor, Id, true), "Het account is uitgeschakeld.")
        : AskAsync(new("Disable", "Account uitschakelen?",
            "De gebruiker kan dan niet meer inloggen, en alle sessies en een open uitnodigingslink vervallen. U kunt het account later weer aanzetten.",
            "Ja, uitschakelen"));

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(actor => accounts.SetDisabledAsync(actor, Id, false), "Het account staat weer aan.");

    public Task<IActionResult> OnPostSignOutAsync() =>
        ActAsync(actor => accounts.SignOutEverywhereAsync(actor, Id), "Alle sessies van dit account zijn beëindigd.");

    public Task<IActionResult> OnPostResetTwoFactorAsync(bool confirmed) => confirmed
        ? ActAsync(
            actor => accounts.ResetTwoFactorAsync(actor, Id),
            "De tweestapsverificatie is gewist: bij de volgende keer inloggen stelt de gebruiker haar opnieuw in.")
        : AskAsync(new("ResetTwoFactor", "Tweestapsverificatie opnieuw laten instellen?",
            "De code-app van de gebruiker werkt dan niet meer voor dit account, en alle sessies eindigen. Bij de volgende keer inloggen " +
            "stelt de gebruiker de tweestapsverificatie opnieuw in. Doe dit alleen als u zeker weet dat u met de gebruiker zelf spreekt.",
            "Ja, opnieuw laten instellen"));

    public async Task<IActionResult> OnPostDeleteAsync(string? confirm)
    {
        if (!await LoadAsync()) return NotFound();
        if (!string.Equals(confirm?.Trim(), Account.Email, StringComparison.OrdinalIgnoreCase))
        {
            Problem = "Typ het e-mailadres van dit account om het te verwijderen.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await accounts.DeleteAsync(User.Identity!.Name!, Id);
        }
        catch (AccountRuleException e)
        {
            Problem = e.Message;
            Response.StatusCode = e.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Redirect(BeheerFeature.UsersPath);
    }

    private async Task<IActionResult> AskAsync(AccountQuestion question)
    {
        if (!await LoadAsync()) return NotFound();
        Question = question;
        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<string, Task> action, string done)
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await action(User.Identity!.Name!);
            Done = done;
        }
        catch (AccountRuleException e)
        {
            Problem = e.Message;
            Response.StatusCode = e.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await accounts.FindAsync(Id) is not { } account) return false;
        Account = account;
        return true;
    }
}
