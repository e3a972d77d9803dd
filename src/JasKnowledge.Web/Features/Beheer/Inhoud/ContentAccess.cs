using System.Security.Claims;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>Who may edit which content: editors and administrators everything; translators the
/// translations into their own languages (every language but the source language when none were given).
/// A type with its own editor (<see cref="OwnEditor"/>, a municipality's record) is edited there by whom its
/// module allows; here only by administrators.</summary>
public static class ContentAccess
{
    public const string Roles = PortalRoles.Administrator + "," + PortalRoles.Editor + "," + PortalRoles.Translator;

    public static bool MayEdit(ClaimsPrincipal user, ContentItem item, CultureCatalog cultures, IEnumerable<OwnEditor> ownEditors) =>
        user.IsInRole(PortalRoles.Administrator)
        || (!ownEditors.Any(o => o.Type == item.Type)
            && (user.IsInRole(PortalRoles.Editor) || (user.IsInRole(PortalRoles.Translator) && MayTranslateInto(user, item.Culture, cultures))));

    /// <summary>The languages whose visitors' reports (page remarks, search queries) <paramref name="user"/> reads: null for every
    /// language (editors and administrators), else a translator's own, as for translations.</summary>
    public static IReadOnlyList<string>? ReportLanguages(ClaimsPrincipal user, CultureCatalog cultures) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor)
            ? null
            : cultures.All.Where(c => MayTranslateInto(user, c.Code, cultures)).Select(c => c.Code).ToList();

    /// <summary>Whether <paramref name="user"/> may begin, import or edit translations into <paramref name="culture"/>
    /// (a code as the portal writes it).</summary>
    public static bool MayTranslateInto(ClaimsPrincipal user, string culture, CultureCatalog cultures)
    {
        if (culture == cultures.Default.Code) return false;
        if (user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor)) return true;
        if (!user.IsInRole(PortalRoles.Translator)) return false;
        var own = PortalClaims.LanguagesOf(user);
        return own.Count == 0 || own.Contains(culture, StringComparer.Ordinal);
    }
}
