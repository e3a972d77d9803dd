using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>/beheer/uitloggen: sign-out is a form post (with antiforgery), never a link another site
/// could trigger. It ends the session everywhere, not only in this browser.</summary>
[Authorize]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, AccountAdministration accounts) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp: a copy of this cookie (saved, stolen, on another node) is dead too.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await accounts.SignedOutAsync(user);
        await signIn.SignOutAsync();
        // The sign-in page then says it worked: a shared computer's next user sees that nobody is signed in.
        return Redirect($"{BeheerFeature.LoginPath}?uitgelogd=ja");
    }
}
