using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Hosting.Authentication;

/// <summary>
/// A session checked against its account's security stamp (see <see cref="AuthenticationSetup"/>), without
/// writing the cookie. Identity's own check sends a new cookie each time it passes and deletes the cookie each
/// time it fails. A browser keeps whichever of two answers arrives last, so the answer to a request still
/// under way (an icon, an image) when enrolment, a new key or a new password set the new cookie could put the
/// old stamp back or delete the new cookie, and the next page sent the user to sign in (the account journey's
/// intermittent failure, 6 December 2026). Now only sign-in, sign-out, an explicit refresh and the cookie's
/// sliding expiry write it; a session that fails the check is simply not signed in.
/// </summary>
public sealed class SessionCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is { } issued && TimeProvider.GetUtcNow() - issued <= Options.ValidationInterval) return;
        if (await VerifySecurityStamp(context.Principal) is { } user)
            context.ReplacePrincipal(await SignInManager.CreateUserPrincipalAsync(user));
        else
            context.RejectPrincipal();
    }
}
