using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Caching;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>/voorbeeld/{token}: a draft shown to whoever has the link, until it expires (then 410).</summary>
[AllowAnonymous, NotCached]
public sealed class PreviewModel(PreviewLinks links, ContentStore store, CultureCatalog cultures,
    Microsoft.AspNetCore.Identity.UserManager<JasKnowledge.Data.Accounts.PortalUser> users) : PageModel
{
    public ContentItem? Item { get; private set; }
    public ContentVersion? Version { get; private set; }
    public string Html { get; private set; } = "";
    public CultureDefinition? Language { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        ViewData[LayoutData.Title] = "Voorbeeld";
        // A token of only spaces binds as null. A text taken offline is not shown by a link made before.
        if (token is null || token.Length > 2000 || links.Read(token) is not { } target
            || await store.FindAsync(target.ItemId, cancellationToken) is not { } item
            || item.Versions.FirstOrDefault(v => v.Number == target.Version) is not { } version
            || version.State == VersionState.Withdrawn
            || (target.Creator is { } creator && await users.FindByIdAsync(creator) is not { Disabled: false }))
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        (Item, Version, Html, Language) = (item, version, MarkdownRenderer.ToHtml(version.Body), cultures.Find(item.Culture));
        ViewData[LayoutData.Title] = $"Voorbeeld: {version.Title}";
        return Page();
    }
}
