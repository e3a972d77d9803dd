using JasKnowledge.Core.Content;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>/nl/gemeenten/{gemeente}: one municipality — adoption, its programme as a timeline, the
/// differences from its blueprint, reported outcomes and the history of the record. A CBS code in the
/// URL redirects to the municipality's name.</summary>
public sealed class MunicipalityModel(ProgrammeCatalog catalog) : ProgrammePageModel
{
    public MunicipalityView Municipality { get; private set; } = null!;
    public IReadOnlyList<ContentVersion> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string gemeente, CancellationToken cancellationToken)
    {
        var data = await catalog.LoadAsync(cancellationToken);
        if (data.Municipality(gemeente) is not { } municipality) return NotFound();
        if (municipality.Gemeente.Slug != gemeente) return RedirectPermanent(ProgrammeUrls.Municipality(municipality.Gemeente.Slug));
        Municipality = municipality;
        if (municipality.Record is { } record) History = await catalog.HistoryAsync(record.ItemId, cancellationToken);
        Describe(
            $"{municipality.Gemeente.Name}: 24x24-programma",
            $"Hoe {municipality.Gemeente.Name} de 24x24-aanpak gebruikt: status, programma, verschillen met de blauwdruk en uitkomsten.");
        return Page();
    }
}
