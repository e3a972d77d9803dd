namespace JasKnowledge.Theme;

/// <summary>The self-hosted font stylesheet for each script that system fonts render badly. A page
/// links only the stylesheets of the scripts it shows, so a Dutch page downloads no font at all.</summary>
public static class ScriptFonts
{
    private static readonly Dictionary<string, string> Stylesheets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ethi"] = "~/_content/JasKnowledge.Theme/css/fonts-ethiopic.css",
        ["Arab"] = "~/_content/JasKnowledge.Theme/css/fonts-arabic.css",
    };

    public static string? StylesheetFor(string script) => Stylesheets.GetValueOrDefault(script);
}
