using JasKnowledge.Programmes.Model;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>/nl/blauwdrukken/{slug}: one blueprint version — timeline, settings, what changed since
/// the previous version, the municipalities that started from it, and the downloads.</summary>
public sealed class BlueprintModel(ProgrammeCatalog catalog) : ProgrammePageModel
{
    public Blueprint Blueprint { get; private set; } = null!;
    public Blueprint? Previous { get; private set; }
    public IReadOnlyList<ProgrammeChange> Changes { get; private set; } = [];
    public IReadOnlyList<MunicipalityView> StartedHere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var data = await catalog.LoadAsync(cancellationToken);
        if (data.Blueprint(slug) is not { } blueprint) return NotFound();
        Blueprint = blueprint;
        Previous = data.PreviousVersion(blueprint);
        Changes = Previous is null ? [] : ProgrammeDiff.Compare(Previous.Programme, blueprint.Programme);
        StartedHere = data.Municipalities.Where(m => m.Blueprint == blueprint).ToList();
        Describe(blueprint.Title, blueprint.Summary);
        return Page();
    }
}
