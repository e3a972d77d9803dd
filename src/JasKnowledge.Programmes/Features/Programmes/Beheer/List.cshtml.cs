using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Programmes.Features.Programmes.Beheer;

/// <summary>/beheer/gemeenten: every municipality with a link to edit it (administrators).</summary>
[Authorize(Roles = PortalRoles.Administrator)]
public sealed class ListModel(ProgrammeCatalog catalog) : PageModel
{
    public ProgrammeData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Data = await catalog.LoadAsync(cancellationToken);
        ViewData[Theme.LayoutData.Title] = "Gemeenten bewerken";
        ViewData[Theme.LayoutData.Alternates] = new List<Theme.PageAlternate>();
    }
}
