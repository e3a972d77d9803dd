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
[Authorize(Roles = ContentAccess.ItemRoles)]
public sealed class ListModel(
    JasDbContext db, CultureCatalog cultures, IEnumerable<JasKnowledge.Core.Modules.OwnEditor> ownEditors,
    IEnumerable<JasKnowledge.Core.Modules.CreatableType> creatable, IEnumerable<JasKnowledge.Core.Modules.IItemEditor> itemEditors) : PageModel
{
    public static readonly string[] States = ["gepubliceerd", "concept", "offline"];

    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];
    public string? Type { get; private set; }
    public string? Language { get; private set; }
    public string? State { get; private set; }

    private HashSet<Guid> _editable = [];

    public bool MayEdit(ContentItem item) => _editable.Contains(item.Id);
    /// <summary>Editors and administrators start new items (<see cref="NewModel"/>) of the types a module lets them make, and a
    /// municipal editor those a module lets them start (<see cref="NewModel.TypesFor"/>).</summary>
    public bool MayCreate => NewModel.TypesFor(User, creatable, itemEditors).Count > 0;

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
        foreach (var item in Items)
            if (await ContentAccess.MayEditAsync(User, item, cultures, ownEditors, itemEditors, cancellationToken)) _editable.Add(item.Id);
        // Editors read everything and translators the texts they translate from; anyone else (a municipal editor) only their own.
        if (!User.IsInRole(PortalRoles.Administrator) && !User.IsInRole(PortalRoles.Editor) && !User.IsInRole(PortalRoles.Translator))
        {
            Items = Items.Where(MayEdit).ToList();
            Types = Types.Where(t => itemEditors.Any(e => e.Type == t && User.IsInRole(e.Role))).ToList();
        }
        ViewData[LayoutData.Title] = "Inhoud";
    }
}
