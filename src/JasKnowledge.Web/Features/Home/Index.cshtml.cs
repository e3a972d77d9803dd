using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Home;

public sealed class IndexModel(PublishedContent content, ContentUrls urls, CultureCatalog cultures) : PublishedPageModel(content, urls, cultures)
{
    private readonly PublishedContent _content = content;

    /// <summary>Participants come first: the home page in their language opened with four screens about the project before a
    /// way to the films and sheets (review on a phone, 7 December).</summary>
    public override string? UnderLead => "/Features/Home/_StartLinks.cshtml";
    public override bool ShowsLastUpdated => false;

    public async Task<IActionResult> OnGetAsync(string culture, CancellationToken cancellationToken) =>
        await ShowAsync(await _content.FindAsync(PagesFeature.HomeSet, culture, cancellationToken), cancellationToken)
            ? Page()
            : NotFound();
}
