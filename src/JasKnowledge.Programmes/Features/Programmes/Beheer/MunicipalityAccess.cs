using System.Security.Claims;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Programmes.Features.Programmes.Beheer;

/// <summary>Who may edit a municipality's record: an administrator any, a municipal editor only the one
/// municipality their account is bound to.</summary>
public static class MunicipalityAccess
{
    public static bool MayEdit(ClaimsPrincipal user, string code) =>
        user.IsInRole(PortalRoles.Administrator)
        || (user.IsInRole(PortalRoles.MunicipalEditor) && user.FindFirst(PortalClaims.Gemeente)?.Value == code);
}
