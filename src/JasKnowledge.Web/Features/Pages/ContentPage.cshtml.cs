using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Pages;

public sealed class ContentPageModel(PublishedContent content, ContentUrls urls, CultureCatalog cultures)
    : PublishedPageModel(content, urls, cultures)
{
    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken) =>
        await ShowAsync(await Published.FindBySlugAsync(PagesFeature.Type, slug, culture, cancellationToken), cancellationToken)
            ? Page()
            : NotFound();
}
