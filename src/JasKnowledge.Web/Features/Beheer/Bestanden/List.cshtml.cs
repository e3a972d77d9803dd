using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Bestanden;

/// <summary>/beheer/bestanden: every downloadable file family, with a link to upload a new version.</summary>
[Authorize(Roles = PortalRoles.Administrator + "," + PortalRoles.Editor)]
public sealed class ListModel(PublishedAssets assets) : PageModel
{
    public IReadOnlyList<Asset> Assets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Assets = await assets.ListAsync(cancellationToken);
        ViewData[LayoutData.Title] = "Bestanden";
    }
}
