using System.Globalization;
using System.Text;

namespace JasKnowledge.Programmes.Gemeenten;

/// <summary>A municipality of the CBS list: four-digit code ("0546"), name, province.</summary>
public sealed record Gemeente(string Code, string Name, string ProvinceCode, string Province)
{
    /// <summary>The URL name: "Bergen (NH.)" → "bergen-nh", "'s-Hertogenbosch" → "s-hertogenbosch".</summary>
    public string Slug { get; } = SlugOf(Name);

    public static string SlugOf(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(name.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9')) slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }
}
