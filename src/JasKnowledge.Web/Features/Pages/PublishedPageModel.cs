using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Pages;

/// <summary>Shows one published item: its Markdown as HTML, the notice when a fallback language is
/// shown, and the languages the item exists in for the switcher and hreflang.</summary>
public abstract class PublishedPageModel(PublishedContent content, ContentUrls urls, CultureCatalog cultures) : PageModel
{
    public PublishedPage? Shown { get; private set; }
    public string Html { get; private set; } = "";
    public CultureDefinition ContentCulture { get; private set; } = cultures.Default;

    protected async Task<bool> ShowAsync(PublishedPage? page, CancellationToken cancellationToken)
    {
        if (page is null) return false;
        Shown = page;
        Html = MarkdownRenderer.ToHtml(page.Version.Body);
        ContentCulture = cultures.Find(page.Item.Culture) ?? cultures.Default;
        ViewData[LayoutData.Title] = page.Version.Title;
        ViewData[LayoutData.Description] = page.Version.Summary;
        if (page.IsFallback) ViewData[LayoutData.ShownInstead] = ContentCulture;

        var translations = await content.TranslationsAsync([page.Item.LocalizationSet], cancellationToken);
        ViewData[LayoutData.Alternates] = cultures.All
            .Select(c => translations[page.Item.LocalizationSet].FirstOrDefault(i => i.Culture == c.Code))
            .OfType<Core.Content.ContentItem>()
            .Select(i => urls.For(i) is { } url ? new PageAlternate(i.Culture, url) : null)
            .OfType<PageAlternate>()
            .ToList();
        return true;
    }
}
