using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>An account of the back office (ASP.NET Core Identity, in the portal's own database).</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>For a municipal editor: the CBS code of the one municipality they may edit.</summary>
    public string? Gemeente { get; set; }

    /// <summary>For a translator: the codes of the languages they translate into, separated by spaces
    /// (<see cref="TranslatorLanguages"/>). None means every language but Dutch.</summary>
    public string? Languages { get; set; }

    /// <summary>For a translator: a mail when a major change to a Dutch text makes one of their translations outdated. On unless
    /// they switch it off (<c>/beheer/vertalingen</c>); accounts that existed before the setting have it on too.</summary>
    public bool DutchChangeMail { get; set; } = true;

    /// <summary>Set for a password handed out by a command: it works once, to choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Switched off by an administrator: the account cannot sign in, and its sessions end.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the account last completed a sign-in.</summary>
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>SHA-256 (hex) of the single-use invitation link's token, while the invitation is open.</summary>
    public string? InvitationHash { get; set; }

    public DateTime? InvitationExpiresUtc { get; set; }
}

/// <summary>The roles of the back office.</summary>
public static class PortalRoles
{
    public const string Administrator = "administrator";
    public const string Editor = "editor";
    public const string Translator = "translator";
    /// <summary>Edits one municipality's record and configuration (<see cref="PortalUser.Gemeente"/>).</summary>
    public const string MunicipalEditor = "municipal-editor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Translator, MunicipalEditor];
}

/// <summary>Claims the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string Gemeente = "jas:gemeente";
    /// <summary>One per language a translator translates into; a translator without one translates into every language.</summary>
    public const string Language = "jas:taal";
    public const string MustChangePassword = "jas:must-change-password";
    /// <summary>Set while the account has no second factor yet: enrolment is all it may do.</summary>
    public const string MustEnrol = "jas:must-enrol";

    /// <summary>The languages a translator is bound to, from the sign-in; none means every language.</summary>
    public static IReadOnlyList<string> LanguagesOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindAll(Language).Select(c => c.Value).ToList();
}
