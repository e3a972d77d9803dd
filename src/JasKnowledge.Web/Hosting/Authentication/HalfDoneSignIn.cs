using System.Security.Claims;
using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Web.Hosting.Authentication;

/// <summary>
/// The sign-in between the password and the code (Identity's two-factor cookie) ends with the account's
/// sessions. Identity does not check that cookie against the security stamp, so after "sign out everywhere",
/// a new password, other roles or a disabled account, a code still finished a sign-in whose password step came
/// before (the attack of 6 December 2026). The cookie now carries the stamp it was issued under, and a cookie
/// whose stamp is no longer the account's is refused and deleted.
/// </summary>
public static class HalfDoneSignIn
{
    /// <summary>Set on a request whose half-done sign-in was just ended, so the page can say why.</summary>
    public const string EndedItem = "jas:half-done-sign-in-ended";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is not ClaimsIdentity identity) return;
            var user = await FindAsync(context.HttpContext, context.Principal);
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            identity.AddClaim(new Claim(StampClaim(context.HttpContext), user is null ? "" : await users.GetSecurityStampAsync(user) ?? ""));
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var user = context.Principal is null ? null : await FindAsync(context.HttpContext, context.Principal);
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            var issuedUnder = context.Principal?.FindFirstValue(StampClaim(context.HttpContext));
            if (user is not null && issuedUnder is not null && issuedUnder == (await users.GetSecurityStampAsync(user) ?? "")) return;
            context.RejectPrincipal();
            context.HttpContext.Items[EndedItem] = true;
            await context.HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        };
    }

    /// <summary>Identity keeps the account's id in the cookie's name claim.</summary>
    private static async Task<PortalUser?> FindAsync(HttpContext http, ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } id
            ? await http.RequestServices.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id)
            : null;

    private static string StampClaim(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
}
