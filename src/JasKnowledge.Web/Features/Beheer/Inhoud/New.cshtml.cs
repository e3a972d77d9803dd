using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>/beheer/inhoud/nieuw (editors and administrators): starts a new Dutch item of a type a module lets editors make
/// (<see cref="CreatableType"/>) as a draft, and opens it in the editor. Nothing is public until someone publishes it; the
/// translators then see it as missing in every language.</summary>
[Authorize(Roles = PortalRoles.Administrator + "," + PortalRoles.Editor)]
public sealed class NewModel(ContentStore store, IEnumerable<CreatableType> creatable, CultureCatalog cultures) : PageModel
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Title { get; set; }
    /// <summary>The address part; made from the title when left empty.</summary>
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public IReadOnlyList<CreatableType> Types { get; } = creatable.ToList();
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    /// <summary>The item that already has the address, to open instead.</summary>
    public ContentItem? Existing { get; private set; }

    public void OnGet(string? type)
    {
        Type = Types.Any(t => t.Type == type) ? type : Types.FirstOrDefault()?.Type;
        ViewData[LayoutData.Title] = "Nieuw item";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData[LayoutData.Title] = "Nieuw item";
        if (Types.FirstOrDefault(t => t.Type == Type) is not { } type)
            return Refused("Kies een soort uit de lijst.", "type");
        var title = (Title ?? "").Trim();
        if (title.Length == 0) return Refused("Geef het item een titel.", "title");
        var slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.From(title) : Slug.Trim();
        if (!SlugRouteConstraint.IsSlug(slug))
            return Refused(string.IsNullOrWhiteSpace(Slug)
                ? "Uit deze titel is geen adres te maken. Typ een adres met kleine letters, cijfers en streepjes, bijvoorbeeld je-huisarts."
                : "Een adres heeft alleen kleine letters (a tot z), cijfers en losse streepjes, en begint en eindigt niet met een streepje; "
                  + "bijvoorbeeld je-huisarts.", "slug");
        Slug = slug;
        var set = $"{type.Folder}/{slug}";
        var dutch = cultures.Default.Code;
        if (await store.FindAsync(set, dutch, cancellationToken) is { } existing) return Taken(existing);
        var text = new VersionText(title, "", string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(), null, "Nieuw item.", IsMajor: true);
        try
        {
            var item = await store.CreateAsync(type.Type, dutch, set, slug, text, User.Identity?.Name ?? "onbekend", cancellationToken);
            return Redirect($"/beheer/inhoud/{item.Id}");
        }
        catch (ContentRuleException e) when (e.Rule == ContentRule.ChangedMeanwhile)
        {
            // Someone made it at the same moment, or another item of the type has the address under another name.
            return await store.FindAsync(set, dutch, cancellationToken) is { } made
                ? Taken(made)
                : Refused("Er is al een item van deze soort met dit adres. Kies een ander adres.", "slug", StatusCodes.Status409Conflict);
        }
        catch (ContentRuleException e)
        {
            return Refused(e.Message, e.Errors.FirstOrDefault()?.Field);
        }
    }

    private PageResult Taken(ContentItem existing)
    {
        Existing = existing;
        return Refused("Er is al een item met dit adres; open dat, of kies een ander adres.", "slug", StatusCodes.Status409Conflict);
    }

    private PageResult Refused(string problem, string? field, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Problem = problem;
        ProblemField = field;
        Response.StatusCode = status;
        return Page();
    }
}
