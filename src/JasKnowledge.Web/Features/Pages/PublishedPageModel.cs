using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Routing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Pages;

/// <summary>Shows one published item: its Markdown as HTML, the notice when a fallback language is
/// shown, the notice when the translation was made from an older source text, and the languages the
/// item exists in for the switcher and hreflang.</summary>
public abstract class PublishedPageModel(PublishedContent content, ContentUrls urls, CultureCatalog cultures) : PageModel
{
    protected PublishedContent Published { get; } = content;
    protected CultureCatalog Languages { get; } = cultures;
    public PublishedPage? Shown { get; private set; }
    public string Html { get; private set; } = "";
    public CultureDefinition ContentCulture { get; private set; } = cultures.Default;
    /// <summary>The item's published translations (the shown one included), in the catalog's order.</summary>
    public IReadOnlyList<ContentItem> Translations { get; private set; } = [];
    /// <summary>Every published version of the shown item, oldest first.</summary>
    public IReadOnlyList<ContentVersion> PublishedHistory { get; private set; } = [];
    /// <summary>"Bijgewerkt op": when the newest major version of the shown text went public (a correction does not count,
    /// as on GOV.UK), or its first version. A participant holding a sheet about this year's health insurance can tell how
    /// current it is (peer review of 7 December 2026).</summary>
    public DateTime? LastUpdatedUtc => LastUpdate(PublishedHistory);

    public static DateTime? LastUpdate(IReadOnlyList<ContentVersion> publishedHistory) =>
        (publishedHistory.LastOrDefault(v => v.IsMajor) ?? publishedHistory.FirstOrDefault())?.PublishedUtc;
    /// <summary>Whether the page says when its text was last updated; not the home page.</summary>
    public virtual bool ShowsLastUpdated => true;
    /// <summary>A partial the article shows under its title and lead, before the text (the home page's way in for
    /// participants); none by default.</summary>
    public virtual string? UnderLead => null;

    protected async Task<bool> ShowAsync(PublishedPage? page, CancellationToken cancellationToken)
    {
        if (page is null) return false;
        Shown = page;
        Html = MarkdownRenderer.ToHtml(page.Version.Body);
        ContentCulture = Languages.Find(page.Item.Culture) ?? Languages.Default;
        ViewData[LayoutData.Title] = page.Version.Title;
        ViewData[LayoutData.Description] = page.Version.Summary;
        if (page.IsFallback) ViewData[LayoutData.ShownInstead] = ContentCulture;

        if (page.Item.Culture != Languages.Default.Code
            && await Published.FindAsync(page.Item.LocalizationSet, Languages.Default.Code, cancellationToken) is { IsFallback: false } source
            && (await Published.TranslationsNeededFromAsync([source.Item.Id], cancellationToken))[source.Item.Id] is var neededFrom
            && TranslationFreshness.Of(neededFrom, page.Version) == TranslationState.Outdated
            && urls.For(source.Item) is { } sourceUrl)
        {
            // Name the sections that changed, so a reader knows which parts of the translation to distrust.
            var changed = page.Version.SourceVersion is { } from
                && await Published.FormerVersionAsync(source.Item.Id, from, cancellationToken) is { } translatedFrom
                ? TextSections.Changed(translatedFrom.Body, source.Version.Body).Select(c => c.Heading ?? source.Version.Title).Distinct().ToList()
                : null;
            ViewData[LayoutData.Outdated] = new OutdatedTranslation(
                page.Version.SourceVersion, source.Version.Number, sourceUrl, Languages.Default, changed);
        }

        PublishedHistory = await Published.PublishedHistoryAsync(page.Item.Id, cancellationToken);
        var translations = (await Published.TranslationsAsync([page.Item.LocalizationSet], cancellationToken))[page.Item.LocalizationSet];
        Translations = Languages.All
            .Select(c => translations.FirstOrDefault(i => i.Culture == c.Code))
            .OfType<ContentItem>()
            .ToList();
        ViewData[LayoutData.Alternates] = Translations
            .Select(i => urls.For(i) is { } url ? new PageAlternate(i.Culture, url) : null)
            .OfType<PageAlternate>()
            .ToList();
        return true;
    }
}
