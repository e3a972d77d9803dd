using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.InfoSheets;

public sealed class SheetModel(PublishedContent content, PublishedAssets assets, ContentUrls urls, CultureCatalog cultures)
    : PublishedPageModel(content, urls, cultures)
{
    /// <summary>The PDF of the shown translation, when one was made from exactly this text.</summary>
    public (Asset File, AssetRevision Revision)? Pdf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(await Published.FindBySlugAsync(InfoSheetsFeature.Type, slug, culture, cancellationToken), cancellationToken))
            return NotFound();
        var file = await assets.FindAsync(Shown!.Item.Culture, InfoSheetsFeature.FileSlug(slug), cancellationToken);
        if (file?.MadeFrom(ContentDigest.Of(Shown.Version)) is { } revision) Pdf = (file, revision);
        return Page();
    }
}
