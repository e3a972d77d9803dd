using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Offline;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.InfoSheets;

public sealed class SheetModel(
    PublishedContent content, PublishedAssets assets, ContentUrls urls, CultureCatalog cultures, Participants.ParticipantMaterials materials)
    : PublishedPageModel(content, urls, cultures)
{
    /// <summary>The films on the sheet's topic.</summary>
    public Participants.RelatedMaterial Related { get; private set; } = new([], null, null);
    /// <summary>The PDF of the shown translation, when one was made from this text or from one with only minor changes since.</summary>
    public SheetPdfFile? Pdf { get; private set; }
    /// <summary>"Bewaar voor offline": this page and its PDF.</summary>
    public OfflineCopy? OfflineCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(await Published.FindBySlugAsync(InfoSheetsFeature.Type, slug, culture, cancellationToken), cancellationToken))
            return NotFound();
        Pdf = await SheetPdf.FindAsync(assets, Published, Shown!.Item, Shown.Version, cancellationToken);
        Related = await materials.RelatedAsync(InfoSheetsFeature.Type, slug, culture, cancellationToken);
        OfflineCopy = Offline.OfflineCopy.Of(
            InfoSheetsFeature.SheetUrl(culture, slug), [],
            Pdf is { } pdf ? [(DownloadUrls.File(pdf.File, pdf.Revision), pdf.Revision.Size)] : [],
            [Shown.Version.Id.ToString(), Pdf?.Revision.Id.ToString() ?? ""]);
        return Page();
    }
}
