namespace JasKnowledge.Core.Localization;

/// <summary>A language the portal serves, as configured under Jas:Cultures.</summary>
public sealed class CultureDefinition
{
    /// <summary>The BCP 47 code used in URLs, lang attributes and the API ("prs" for Dari).</summary>
    public string Code { get; set; } = "";
    /// <summary>The language's name in itself and its own script ("العربية").</summary>
    public string NativeName { get; set; } = "";
    /// <summary>The name in English, for editors and logs.</summary>
    public string EnglishName { get; set; } = "";
    /// <summary>"ltr" or "rtl".</summary>
    public string Direction { get; set; } = "ltr";
    /// <summary>The ISO 15924 script ("Latn", "Arab", "Ethi", "Cyrl"): pages in a script that system
    /// fonts render badly load a self-hosted font for it, and only those pages.</summary>
    public string Script { get; set; } = "Latn";
    /// <summary>The .NET culture used for formatting and interface strings when the code itself is not
    /// known to ICU (prs → fa-AF). Empty: the code itself.</summary>
    public string DotNetCulture { get; set; } = "";
    /// <summary>The languages to show, in order, when content does not exist in this one.</summary>
    public List<string> Fallback { get; set; } = [];

    public bool IsRightToLeft => string.Equals(Direction, "rtl", StringComparison.OrdinalIgnoreCase);
}
