using JasKnowledge.Programmes.Map;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>/nl/gemeenten: the ministry's adoption view — map, totals, the filterable and sortable
/// table of all municipalities, component use, and the exports.</summary>
public sealed class AdoptionModel(ProgrammeCatalog catalog, MunicipalityMap map) : ProgrammePageModel
{
    public ProgrammeData Data { get; private set; } = null!;
    public AdoptionOverview Overview { get; private set; } = null!;
    public AdoptionFilter Filter { get; private set; } = null!;
    public IReadOnlyList<MunicipalityView> Rows { get; private set; } = [];
    public MapOutlines Outlines { get; private set; } = MapOutlines.Empty;

    public async Task OnGetAsync(
        string? provincie, string? status, string? blauwdruk, string? sorteer, string? richting, CancellationToken cancellationToken)
    {
        Data = await catalog.LoadAsync(cancellationToken);
        Overview = new AdoptionOverview(Data);
        Filter = AdoptionFilter.Parse(Data, provincie, status, blauwdruk, sorteer, richting);
        Rows = Filter.Apply(Data.Municipalities);
        Outlines = await map.GetAsync(cancellationToken);
        Describe("Gemeenten en de 24x24-aanpak", "Welke gemeenten de 24x24-aanpak gebruiken, hoe zij hun programma inrichten en wat het oplevert.");
    }
}
