using System.Security.Claims;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>Who may edit which content: editors and administrators everything; translators the
/// translations (every language but the source language). Municipal editors work in their own form.</summary>
public static class ContentAccess
{
    public const string Roles = PortalRoles.Administrator + "," + PortalRoles.Editor + "," + PortalRoles.Translator;

    public static bool MayEdit(ClaimsPrincipal user, ContentItem item, CultureCatalog cultures) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor)
        || (user.IsInRole(PortalRoles.Translator) && item.Culture != cultures.Default.Code);
}
