using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace JasKnowledge.Data.Accounts;

/// <summary>
/// Passwords as NIST SP 800-63B §3.1.1.2 asks: at least 12 characters (Identity's own length rule) and at most
/// <see cref="MaximumLength"/> (NIST asks to take at least 64), no composition rules, and refused when the password is
/// in a list of common passwords, equals the account's e-mail address, or repeats a few characters ("aaaaaaaaaaaa",
/// "abababababab"). The list (<c>common-passwords.txt</c>, with its source in
/// <c>common-passwords.README.md</c>) is compared without regard to case.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    /// <summary>Fewer different characters than this is a repetition, whatever the length.</summary>
    public const int MinimumDifferentCharacters = 4;
    public const string CommonCode = "PasswordCommon";
    public const string IsEmailCode = "PasswordIsEmail";
    public const string TooLongCode = "PasswordTooLong";
    public const string RepetitiveCode = "PasswordRepetitive";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>How many common passwords the portal refuses.</summary>
    public static int CommonCount => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim()) || IsCommonWordWithDigits(password);

    /// <summary>Words that, with digits or signs after them, make the passwords people pick first here: "wachtwoord123",
    /// "Welkom123456" (the list above holds only passwords of 12 characters or more, and not these variants).</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "wachtwoord", "welkom", "welkom01", "geheim", "password", "passw0rd", "welcome", "qwerty", "azerty", "admin", "administrator",
        "beheer", "beheerder", "jasknowledge", "gemeente", "leiden", "nederland", "holland", "amsterdam", "rotterdam", "zomer", "winter",
        "lente", "herfst", "voorjaar", "najaar", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag", "ajax", "feyenoord", "psv", "iloveyou", "letmein", "monkey", "dragon", "football", "sunshine", "princess",
    };

    /// <summary>A common word followed only by digits and signs ("Zomer2026!!!!", "wachtwoord123").</summary>
    private static bool IsCommonWordWithDigits(string password)
    {
        var word = password.Trim().TrimEnd("0123456789!@#$%^&*()-_=+.,;:?/\\|~ ".ToCharArray());
        return word.Length < password.Trim().Length && CommonWords.Contains(word);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // Identity's length rule reports it
        var errors = new List<IdentityError>();
        if (IsCommon(password))
            errors.Add(new IdentityError { Code = CommonCode, Description = "This password is in the list of common passwords." });
        if (Same(password, user.Email) || Same(password, user.UserName))
            errors.Add(new IdentityError { Code = IsEmailCode, Description = "The password must not be the e-mail address." });
        if (password.Length > MaximumLength)
            errors.Add(new IdentityError { Code = TooLongCode, Description = $"A password has at most {MaximumLength} characters." });
        if (password.Distinct().Count() < MinimumDifferentCharacters)
            errors.Add(new IdentityError { Code = RepetitiveCode, Description = "The password repeats too few different characters." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool Same(string password, string? email) =>
        email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("JasKnowledge.Data.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
