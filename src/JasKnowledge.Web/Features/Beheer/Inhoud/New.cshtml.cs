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
[Authorize(Roles = ContentAccess.ItemRoles)]
public sealed class NewModel(
    ContentStore store, IEnumerable<CreatableType> creatable, IEnumerable<IAddressRule> addressRules, IEnumerable<IItemEditor> itemEditors,
    IEnumerable<OwnEditor> ownEditors, CultureCatalog cultures, ContentUrls urls)
    : PageModel
{
    /// <summary>The types <paramref name="user"/> may start: every creatable type for editors and administrators; for anyone else those a
    /// module lets their role edit some items of (a municipal editor: their municipality's information, at its address only).</summary>
    public static IReadOnlyList<CreatableType> TypesFor(
        System.Security.Claims.ClaimsPrincipal user, IEnumerable<CreatableType> creatable, IEnumerable<IItemEditor> itemEditors) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor)
            ? creatable.ToList()
            : creatable.Where(c => itemEditors.Any(e => e.Type == c.Type && user.IsInRole(e.Role))).ToList();

    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Title { get; set; }
    /// <summary>The address part; made from the title when left empty.</summary>
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public IReadOnlyList<CreatableType> Types => _types ??= TypesFor(User, creatable, itemEditors);
    private IReadOnlyList<CreatableType>? _types;
    /// <summary>Where an item of the type with the type's example address is shown (/nl/informatie/je-huisarts).</summary>
    public string? ExampleUrl(CreatableType type) => urls.For(new ItemAddress(type.Type, cultures.Default.Code, $"{type.Folder}/{type.Example}", type.Example));

    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    /// <summary>The item that already has the address, to open instead.</summary>
    public ContentItem? Existing { get; private set; }

    /// <param name="adres">An address to start with: the back office's home page offers a municipal editor their municipality's.</param>
    public async Task<IActionResult> OnGetAsync(string? type, string? adres, CancellationToken cancellationToken)
    {
        if (Types.Count == 0) return Forbid();
        Type = Types.Any(t => t.Type == type) ? type : Types.FirstOrDefault()?.Type;
        Slug = adres is { Length: <= 200 } && SlugRouteConstraint.IsSlug(adres) ? adres : null;
        // A municipal editor has one address to start at: their municipality's.
        Slug ??= await OwnAddressAsync(Type, cancellationToken);
        ViewData[LayoutData.Title] = "Nieuw item";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData[LayoutData.Title] = "Nieuw item";
        if (Types.Count == 0) return Forbid(); // a translator: no type to start
        if (Types.FirstOrDefault(t => t.Type == Type) is not { } type)
            return Refused("Kies een soort uit de lijst.", "type");
        var title = (Title ?? "").Trim();
        if (title.Length == 0) return Refused("Geef het item een titel.", "title");
        var slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.From(title) : Slug.Trim();
        if (!SlugRouteConstraint.IsSlug(slug))
            return Refused(string.IsNullOrWhiteSpace(Slug)
                ? $"Uit deze titel is geen adres te maken. Typ een adres met kleine letters, cijfers en streepjes, bijvoorbeeld {type.Example}."
                : "Een adres heeft alleen kleine letters (a tot z), cijfers en losse streepjes, en begint en eindigt niet met een streepje; "
                  + $"bijvoorbeeld {type.Example}.", "slug");
        Slug = slug;
        // A municipal editor has one address: named, rather than a rule's suggestion of another municipality's that is then refused.
        if (!User.IsInRole(PortalRoles.Administrator) && !User.IsInRole(PortalRoles.Editor)
            && await OwnAddressAsync(type.Type, cancellationToken) is { } own && own != slug)
            return Refused($"Uw account begint alleen de informatie van uw eigen gemeente, op het adres {own}.", "slug",
                StatusCodes.Status403Forbidden);
        foreach (var rule in addressRules.Where(r => r.Type == type.Type))
            if (await rule.ProblemAsync(slug, cancellationToken) is { } problem) return Refused(problem, "slug");
        var set = $"{type.Folder}/{slug}";
        var dutch = cultures.Default.Code;
        if (!await ContentAccess.MayEditAsync(User, new ItemAddress(type.Type, dutch, set, slug), cultures, ownEditors, itemEditors, cancellationToken))
            return Refused("Uw account mag geen item met dit adres beginnen. Een gemeentelijke redacteur begint alleen de informatie van de eigen "
                + "gemeente.", "slug", StatusCodes.Status403Forbidden);
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

    /// <summary>The one address the user's role starts items of the type at (a municipal editor's municipality), when a module gives one.</summary>
    private async Task<string?> OwnAddressAsync(string? type, CancellationToken cancellationToken)
    {
        foreach (var editor in itemEditors.Where(e => e.Type == type && User.IsInRole(e.Role)))
            if (await editor.AddressForAsync(User, cancellationToken) is { } own) return own;
        return null;
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
