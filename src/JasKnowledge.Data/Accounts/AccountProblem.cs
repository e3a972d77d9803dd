using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>Why an account cannot be made or changed, said twice: in English for the operator's command line
/// and in Dutch for the back office. Kept together so that neither has to recognise the other's wording.</summary>
public sealed record AccountProblem(string English, string Dutch)
{
    public static AccountProblem NotARole(string role) => new(
        $"'{role}' is not a role. Roles: {string.Join(", ", PortalRoles.All)}.", "Kies een van de rollen.");

    /// <summary>RFC 5321 allows 254 characters; the account's columns keep 256 (a longer one answered 500 on PostgreSQL).</summary>
    public static AccountProblem AddressTooLong(int length) => new(
        $"An e-mail address has at most {MaxAddress} characters (this one has {length}).",
        $"Een e-mailadres heeft hoogstens {MaxAddress} tekens (dit heeft er {length}).");

    public const int MaxAddress = 254;

    public static readonly AccountProblem OnlyMunicipalEditorsHaveAGemeente = new(
        "Only a municipal editor is bound to a municipality.",
        "Alleen een gemeentelijke redacteur hoort bij een gemeente: laat de CBS-code leeg.");

    public static readonly AccountProblem GemeenteCodeMissing = new(
        "A municipal editor needs the CBS code of their municipality (four digits, e.g. 0546).",
        "Een gemeentelijke redacteur hoort bij één gemeente: vul de CBS-code in (vier cijfers, bijvoorbeeld 0546).");

    public static AccountProblem NoSuchGemeente(string code) => new(
        $"No municipality has CBS code {code}.",
        $"Geen gemeente in de lijst van het CBS heeft code {code}. Kijk de code na (Leiden is bijvoorbeeld 0546).");

    /// <summary>A code that is not one of the portal's languages, or is Dutch, which is written, not translated.</summary>
    public static AccountProblem NotATranslationLanguage(string code, JasKnowledge.Core.Localization.CultureCatalog cultures)
    {
        var shown = code.Length > 20 ? code[..20] + "…" : code;
        var codes = string.Join(", ", cultures.Translated.Select(c => c.Code));
        return new(
            $"'{shown}' is not a language to translate into. Languages: {codes}.",
            $"'{shown}' is geen taal van het portaal om naar te vertalen. Talen: {codes}.");
    }

    public static AccountProblem AccountExists(string email) => new(
        $"An account for {email} exists already.", "Er is al een account met dit e-mailadres.");

    /// <summary>Too many wrong passwords or codes: the account is locked for a while (Identity's lockout).</summary>
    public static readonly IdentityError LockedOutError = new()
    {
        Code = "LockedOut", Description = "Too many wrong passwords or codes: the account is locked for a while. Try again later.",
    };

    /// <summary>Identity's refusal: its own English text, and the Dutch one by its code (a code Identity adds later
    /// keeps its English text in the back office rather than being lost).</summary>
    public static AccountProblem From(IdentityError error) => new(error.Description, DutchOf(error));

    private static string DutchOf(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Het huidige wachtwoord klopt niet.",
        "LockedOut" => "Te vaak een verkeerd wachtwoord of verkeerde code: uw account is tijdelijk geblokkeerd. Probeer het over een kwartier opnieuw.",
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"Het nieuwe wachtwoord is te kort: gebruik minstens {PasswordRules.MinimumLength} tekens.",
        PasswordRules.CommonCode => "Dit wachtwoord staat in de lijst van veelgebruikte wachtwoorden: kies een ander.",
        PasswordRules.IsEmailCode => "Het wachtwoord mag niet uw e-mailadres zijn.",
        PasswordRules.TooLongCode => $"Het nieuwe wachtwoord is te lang: gebruik hoogstens {PasswordRules.MaximumLength} tekens.",
        PasswordRules.RepetitiveCode =>
            $"Dit wachtwoord herhaalt te weinig verschillende tekens: gebruik er minstens {PasswordRules.MinimumDifferentCharacters}, liefst een zin.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "Er is al een account met dit e-mailadres.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            "Dat is geen geldig e-mailadres: gebruik alleen letters, cijfers en - . _ @ +, zonder spaties.",
        _ => error.Description,
    };
}
