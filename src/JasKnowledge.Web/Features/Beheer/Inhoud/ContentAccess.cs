using System.Security.Claims;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>Who may edit which content: editors and administrators everything; translators the
/// translations into their own languages (every language but the source language when none were given).
/// A type with its own editor (<see cref="OwnEditor"/>, a municipality's record) is edited there by whom its
/// module allows; here only by administrators. A module may let one more role edit some items of its type here
/// (<see cref="IItemEditor"/>: a municipal editor their municipality's information).</summary>
public static class ContentAccess
{
    public const string Roles = PortalRoles.Administrator + "," + PortalRoles.Editor + "," + PortalRoles.Translator;

    /// <summary>The roles admitted to the item pages (list, editor, history): those of <see cref="Roles"/> and the municipal editors,
    /// whom a module may give items of their own (<see cref="IItemEditor"/>); each page then asks <see cref="MayEditAsync"/>.</summary>
    public const string ItemRoles = Roles + "," + PortalRoles.MunicipalEditor;

    public static async Task<bool> MayEditAsync(
        ClaimsPrincipal user, IContentAddress item, CultureCatalog cultures, IEnumerable<OwnEditor> ownEditors, IEnumerable<IItemEditor> itemEditors,
        CancellationToken cancellationToken)
    {
        if (user.IsInRole(PortalRoles.Administrator)) return true;
        if (ownEditors.Any(o => o.Type == item.Type)) return false;
        if (user.IsInRole(PortalRoles.Editor) || (user.IsInRole(PortalRoles.Translator) && MayTranslateInto(user, item.Culture, cultures)))
            return true;
        foreach (var editor in itemEditors.Where(e => e.Type == item.Type && user.IsInRole(e.Role)))
            if (await editor.MayEditAsync(user, item, cancellationToken)) return true;
        return false;
    }

    /// <summary>Whether <paramref name="user"/> may put a text online themselves: everyone who may edit it, unless it is a translation
    /// that needs a second reader (<see cref="Translations.TranslationReview"/>): then only editors and administrators publish it. A
    /// municipal editor publishes their municipality's Dutch words, not a translator's text unread (attack h8).</summary>
    public static bool MayPublish(ClaimsPrincipal user, bool translationNeedsReview) =>
        !translationNeedsReview || user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor);

    /// <summary>Who wrote a version, as <paramref name="user"/> may see it: the portal's staff see each other's addresses; a municipal
    /// editor, who works for a municipality and not for the portal, sees only their own, and "de redactie" for everyone else (the
    /// portal's staff are not theirs to contact; the history showed their e-mail addresses, review of 7 December).</summary>
    public static string AuthorAsSeenBy(ClaimsPrincipal user, string author) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor) || user.IsInRole(PortalRoles.Translator)
        || string.Equals(author, user.Identity?.Name, StringComparison.OrdinalIgnoreCase)
            ? author
            : "de redactie";

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
