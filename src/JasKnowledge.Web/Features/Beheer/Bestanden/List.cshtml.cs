using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Bestanden;

/// <summary>/beheer/bestanden: every downloadable file family, with a link to upload a new version.</summary>
[Authorize(Roles = PortalRoles.Administrator + "," + PortalRoles.Editor)]
public sealed class ListModel(PublishedAssets assets, PublishedContent content) : PageModel
{
    public IReadOnlyList<Asset> Assets { get; private set; } = [];
    /// <summary>Sheets whose PDF was made before a major change of their text (or that never had one).</summary>
    public IReadOnlyList<(ContentItem Item, ContentVersion Version)> SheetsWithoutPdf { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Assets = await assets.ListAsync(cancellationToken);
        SheetsWithoutPdf = await InfoSheets.SheetPdf.MissingAsync(assets, content, cancellationToken);
        ViewData[LayoutData.Title] = "Bestanden";
    }
}
