using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Data.Accounts;

/// <summary>Puts the municipality of a municipal editor, a translator's languages (and a pending password change or
/// two-factor enrolment) into the sign-in cookie, so authorization needs no database query per request.</summary>
public sealed class PortalUserClaims(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.Gemeente)) identity.AddClaim(new Claim(PortalClaims.Gemeente, user.Gemeente));
        foreach (var language in TranslatorLanguages.Of(user.Languages)) identity.AddClaim(new Claim(PortalClaims.Language, language));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        if (!user.TwoFactorEnabled) identity.AddClaim(new Claim(PortalClaims.MustEnrol, "true"));
        return identity;
    }
}
