using System.Globalization;
using System.Text;

namespace JasKnowledge.Web.Hosting.Routing;

/// <summary>An address part made from a title, as the content folder's file names are written (<see cref="SlugRouteConstraint"/>).</summary>
public static class Slugs
{
    /// <summary>"Je huisarts & de apotheek" is "je-huisarts-de-apotheek"; accents are dropped, anything else not a letter or
    /// digit becomes one hyphen. Empty when the title has no Latin letter or digit (an editor then types the address).</summary>
    public static string From(string title)
    {
        var slug = new StringBuilder();
        // KD, not D: a ligature ("ﬁ") or a full-width letter becomes its letters; the letters no normalisation takes apart are spelled
        // out (an attack of 7 December: "ﬁle" had become "le").
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) slug.Append(c);
            else if (Spelled(c) is { } letters) slug.Append(letters);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length > 80 ? text[..80].TrimEnd('-') : text;
    }

    private static string? Spelled(char c) => c switch
    {
        'æ' => "ae", 'œ' => "oe", 'ø' => "o", 'ß' => "ss", 'ł' => "l", 'đ' => "d", 'ð' => "d", 'þ' => "th", 'ı' => "i",
        _ => null,
    };
}
