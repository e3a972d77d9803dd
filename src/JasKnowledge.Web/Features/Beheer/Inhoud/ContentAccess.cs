using System.Security.Claims;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>Who may edit which content: editors and administrators everything; translators the
/// translations (every language but the source language). A type with its own editor (<see cref="OwnEditor"/>,
/// a municipality's record) is edited there by whom its module allows; here only by administrators.</summary>
public static class ContentAccess
{
    public const string Roles = PortalRoles.Administrator + "," + PortalRoles.Editor + "," + PortalRoles.Translator;

    public static bool MayEdit(ClaimsPrincipal user, ContentItem item, CultureCatalog cultures, IEnumerable<OwnEditor> ownEditors) =>
        user.IsInRole(PortalRoles.Administrator)
        || (!ownEditors.Any(o => o.Type == item.Type)
            && (user.IsInRole(PortalRoles.Editor) || (user.IsInRole(PortalRoles.Translator) && item.Culture != cultures.Default.Code)));
}
