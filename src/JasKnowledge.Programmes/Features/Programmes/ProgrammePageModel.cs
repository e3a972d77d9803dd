using JasKnowledge.Programmes.Model;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>The module's pages exist in Dutch only, so the language switcher offers Dutch alone.</summary>
public abstract class ProgrammePageModel : PageModel
{
    protected void Describe(string title, string? description = null)
    {
        ViewData[LayoutData.Title] = title;
        if (description is not null) ViewData[LayoutData.Description] = description;
        ViewData[LayoutData.Alternates] = new List<PageAlternate> { new(ProgrammeContentTypes.Culture, HttpContext.Request.Path.Value ?? "/nl") };
    }
}

/// <summary>What the timeline partial draws: a programme and the table's caption.</summary>
public sealed record TimelineModel(Programme Programme, string Caption, string Id);

/// <summary>What the map partial draws: the outlines and each municipality's status.</summary>
public sealed record MapModel(Map.MapOutlines Outlines, IReadOnlyList<MunicipalityView> Municipalities);
