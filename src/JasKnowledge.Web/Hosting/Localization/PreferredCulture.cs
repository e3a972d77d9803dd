using JasKnowledge.Core.Localization;
using Microsoft.Net.Http.Headers;

namespace JasKnowledge.Web.Hosting.Localization;

/// <summary>Which language to send a visitor to from "/". A language the visitor chose on this portal
/// before (the cookie) wins over the browser's list, because it was an explicit choice; then the
/// browser's Accept-Language by quality; then the default.</summary>
public static class PreferredCulture
{
    public static CultureDefinition Choose(HttpRequest request, CultureCatalog catalog)
    {
        if (catalog.Find(request.Cookies[LocalizationSetup.PreferenceCookie]) is { } chosen) return chosen;
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
            {
                if (Match(language.Value.Value, catalog) is { } match) return match;
            }
        }
        return catalog.Default;
    }

    private static CultureDefinition? Match(string? tag, CultureCatalog catalog)
    {
        if (string.IsNullOrEmpty(tag) || tag == "*") return null;
        // fa-AF is Dari (prs): a .NET culture mapped to a portal code counts as that code.
        var mapped = catalog.All.FirstOrDefault(c => string.Equals(c.DotNetCulture, tag, StringComparison.OrdinalIgnoreCase));
        return mapped ?? catalog.Find(tag) ?? catalog.Find(tag.Split('-')[0]);
    }
}
