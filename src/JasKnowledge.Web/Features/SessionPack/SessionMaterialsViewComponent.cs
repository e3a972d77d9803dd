using JasKnowledge.Core.Localization;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Participants;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.SessionPack;

public sealed record SessionMaterialsView(
    string SessionSlug, string Culture, IReadOnlyList<ParticipantMaterial> Materials, IReadOnlyList<CultureDefinition> Languages);

/// <summary>On a handbook session: the sheets and videos that belong to it, and the form to download
/// the session pack in the group's languages. A view component, so the handbook pages only place it.</summary>
public sealed class SessionMaterialsViewComponent(ParticipantMaterials materials, CultureCatalog cultures) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string sessionSlug)
    {
        var culture = PortalCulture.Get(HttpContext).Code;
        var linked = await materials.ForSessionAsync(sessionSlug, culture, HttpContext.RequestAborted);
        return View("/Features/SessionPack/_SessionMaterials.cshtml", new SessionMaterialsView(sessionSlug, culture, linked, cultures.All));
    }
}
