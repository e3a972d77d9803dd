using System.Security.Claims;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Programmes.Gemeenten;

namespace JasKnowledge.Web.Features.GemeenteInfo;

/// <summary>A municipal editor writes their own municipality's information for participants, in every language the municipality
/// provides, and nobody else's: the item at their municipality's address (the code bound to their account).</summary>
public sealed class GemeenteEditor(GemeentenRegister register) : IItemEditor
{
    public string Type => GemeenteInfoFeature.Type;
    public string Role => PortalRoles.MunicipalEditor;

    public async Task<bool> MayEditAsync(ClaimsPrincipal user, IContentAddress item, CancellationToken cancellationToken) =>
        item.Type == Type && await AddressForAsync(user, cancellationToken) is { } own
        && item.Slug == own && item.LocalizationSet == $"{GemeenteInfoFeature.Folder}/{own}";

    public async Task<string?> AddressForAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.IsInRole(Role) && user.FindFirst(PortalClaims.Gemeente)?.Value is { } code
            ? (await register.GetAsync(cancellationToken)).ByCode(code)?.Slug
            : null;
}
