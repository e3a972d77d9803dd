using JasKnowledge.Core.Localization;

namespace JasKnowledge.Data.Accounts;

/// <summary>The languages a translator translates into (<see cref="PortalUser.Languages"/>): an agency for Tigrinya
/// publishes Tigrinya, not Arabic. Stored as the portal's own codes, in the order of the language menu; none
/// stored means every language but Dutch, as for a translator from before languages could be given.</summary>
public static class TranslatorLanguages
{
    /// <summary>Room for every configured language's code many times over.</summary>
    public const int MaxStored = 200;

    public static IReadOnlyList<string> Of(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What to store for an account of <paramref name="role"/> given <paramref name="typed"/> codes: only a
    /// translator keeps languages (for another role a choice left in the form is dropped, as the municipality is);
    /// each must be a language of the portal other than the source language. "UK" is stored as "uk".</summary>
    public static (string? Stored, AccountProblem? Problem) Check(string role, IEnumerable<string?>? typed, CultureCatalog cultures)
    {
        if (role != PortalRoles.Translator || typed is null) return (null, null);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in typed.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (cultures.Find(code!.Trim()) is not { } language || language.Code == cultures.Default.Code)
                return (null, AccountProblem.NotATranslationLanguage(code.Trim(), cultures));
            codes.Add(language.Code);
        }
        return codes.Count == 0 ? (null, null) : (string.Join(' ', cultures.All.Select(c => c.Code).Where(codes.Contains)), null);
    }
}
