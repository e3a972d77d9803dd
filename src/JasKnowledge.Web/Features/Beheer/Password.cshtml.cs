using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/wachtwoord: choose a new password (required after a one-time password).</summary>
[Authorize]
public sealed class PasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountAdministration accounts) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(Current) || string.IsNullOrEmpty(New) || New != Repeat)
        {
            Problems = ["Vul uw huidige wachtwoord in, en twee keer hetzelfde nieuwe wachtwoord."];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var changed = await accounts.ChangeOwnPasswordAsync(user, Current, New);
        if (!changed.Succeeded)
        {
            Problems = changed.Errors.Select(e => AccountProblem.From(e).Dutch).ToList();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        return Redirect("/beheer");
    }
}
