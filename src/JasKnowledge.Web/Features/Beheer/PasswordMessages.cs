namespace JasKnowledge.Web.Features.Beheer;

/// <summary>Identity's password errors in the back office's language, for every form that sets a password.</summary>
public static class PasswordMessages
{
    public static string Dutch(string code, string english) => code switch
    {
        "PasswordTooShort" => "Het nieuwe wachtwoord is te kort: gebruik minstens 12 tekens.",
        "PasswordCommon" => "Dit wachtwoord staat in de lijst van veelgebruikte wachtwoorden: kies een ander.",
        "PasswordIsEmail" => "Het wachtwoord mag niet uw e-mailadres zijn.",
        _ => english,
    };
}
