using JasKnowledge.Core.Content;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>/beheer/inhoud?type=&amp;taal=&amp;staat=: every content item, filtered by type, language and state.</summary>
[Authorize(Roles = ContentAccess.Roles)]
public sealed class ListModel(
    JasDbContext db, CultureCatalog cultures, IEnumerable<JasKnowledge.Core.Modules.OwnEditor> ownEditors,
    IEnumerable<JasKnowledge.Core.Modules.CreatableType> creatable) : PageModel
{
    public static readonly string[] States = ["gepubliceerd", "concept", "offline"];

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];
    public string? Type { get; private set; }
    public string? Language { get; private set; }
    public string? State { get; private set; }

    public bool MayEdit(ContentItem item) => ContentAccess.MayEdit(User, item, cultures, ownEditors);
    /// <summary>Editors and administrators start new items (<see cref="NewModel"/>) of the types a module lets them make.</summary>
    public bool MayCreate => creatable.Any() && (User.IsInRole(PortalRoles.Administrator) || User.IsInRole(PortalRoles.Editor));

    public async Task OnGetAsync(string? type, string? taal, string? staat, CancellationToken cancellationToken)
    {
        Types = await db.ContentItems.Select(i => i.Type).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        Type = Types.Contains(type) ? type : null;
        Language = taal is not null && cultures.Contains(taal) ? taal : null;
        State = States.Contains(staat) ? staat : null;
        var query = db.ContentItems.AsNoTracking().Include(i => i.Versions).AsQueryable();
        if (Type is not null) query = query.Where(i => i.Type == Type);
        if (Language is not null) query = query.Where(i => i.Culture == Language);
        var items = await query.OrderBy(i => i.Type).ThenBy(i => i.LocalizationSet).ThenBy(i => i.Culture).ToListAsync(cancellationToken);
        Items = (State switch
        {
            "gepubliceerd" => items.Where(i => i.Published is not null),
            "concept" => items.Where(i => i.Draft is not null),
            "offline" => items.Where(i => i.Published is null),
            _ => items,
        }).Where(i => User.IsInRole(PortalRoles.Administrator) || !ownEditors.Any(o => o.Type == i.Type)).ToList(); // edited in their module's own form
        ViewData[LayoutData.Title] = "Inhoud";
    }
}
