using JasKnowledge.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Theme;

/// <summary>The language of the current request, as the layout and pages need it. Set once per
/// request from the URL prefix; error pages set it from the URL that failed.</summary>
public static class PortalCulture
{
    private static readonly object Key = new();

    public static CultureDefinition Get(HttpContext context) =>
        context.Items[Key] as CultureDefinition ?? context.RequestServices.GetRequiredService<CultureCatalog>().Default;

    public static void Set(HttpContext context, CultureDefinition culture)
    {
        context.Items[Key] = culture;
        var formatting = context.RequestServices.GetRequiredService<CultureCatalog>().FormattingCulture(culture.Code);
        System.Globalization.CultureInfo.CurrentCulture = formatting;
        System.Globalization.CultureInfo.CurrentUICulture = formatting;
    }
}

/// <summary>The same page in another language, for the switcher and hreflang links.</summary>
public sealed record PageAlternate(string Culture, string Url);

/// <summary>Keys of ViewData that pages set for the layout.</summary>
public static class LayoutData
{
    public const string Title = "Title";
    /// <summary>IReadOnlyList&lt;PageAlternate&gt;: the languages this page exists in.</summary>
    public const string Alternates = "Alternates";
    /// <summary>IReadOnlyList&lt;PageAlternate&gt;: where the language switcher leads, when that is more than the
    /// alternates: a page shown in every interface language with its text in fewer (the handbook, with a fallback
    /// notice), or an error page that exists in no language (each language's home page).</summary>
    public const string LanguageSwitch = "LanguageSwitch";
    /// <summary>CultureDefinition: the language the content is shown in, when it is a fallback.</summary>
    public const string ShownInstead = "ShownInstead";
    public const string Description = "Description";
    /// <summary>OutdatedTranslation: the shown translation was made from an older source text.</summary>
    public const string Outdated = "Outdated";
    /// <summary>string: where a signed-in user of this page signs out (the back office), so that every one of its pages
    /// offers it in the header, not only the dashboard.</summary>
    public const string SignOut = "SignOut";
}

/// <summary>A translation made from version <paramref name="TranslatedFrom"/> of the source text, which
/// is now at <paramref name="SourceVersion"/>; the source text is at <paramref name="SourceUrl"/>.
/// <paramref name="ChangedSections"/> names the parts of the source text that changed since (in the source language).</summary>
public sealed record OutdatedTranslation(
    int? TranslatedFrom, int SourceVersion, string SourceUrl, CultureDefinition SourceCulture, IReadOnlyList<string>? ChangedSections = null);
