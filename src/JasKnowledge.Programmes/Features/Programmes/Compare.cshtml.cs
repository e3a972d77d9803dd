using Microsoft.Extensions.Primitives;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>/nl/gemeenten/vergelijken?g=0546&amp;g=0547: two to four municipalities side by side.</summary>
public sealed class CompareModel(ProgrammeCatalog catalog) : ProgrammePageModel
{
    public const int Max = 4;

    public ProgrammeData Data { get; private set; } = null!;
    public IReadOnlyList<MunicipalityView> Chosen { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    /// <summary>Components of all chosen programmes, in the order they first appear.</summary>
    public IReadOnlyList<(string Key, string Name)> Components { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Data = await catalog.LoadAsync(cancellationToken);
        var problems = new List<string>();
        var chosen = new List<MunicipalityView>();
        foreach (var value in Request.Query["g"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct())
        {
            if (Data.Municipality(value) is not { } municipality)
                problems.Add($"'{(value.Length > 40 ? value[..40] + "…" : value)}' is geen gemeente uit de CBS-lijst; die is overgeslagen.");
            else if (chosen.Count == Max)
                problems.Add($"U kunt hoogstens {Max} gemeenten vergelijken; {municipality.Gemeente.Name} is overgeslagen.");
            else if (chosen.All(c => c.Gemeente.Code != municipality.Gemeente.Code))
                chosen.Add(municipality);
        }
        if (chosen.Count < 2) problems.Add("Kies twee tot vier gemeenten om te vergelijken.");
        Chosen = chosen;
        Problems = problems;
        Components = chosen.Where(c => c.Programme is not null)
            .SelectMany(c => c.Programme!.Components.Select(x => (x.Key, x.Name)))
            .DistinctBy(x => x.Key)
            .ToList();
        Describe(chosen.Count >= 2 ? $"Vergelijking: {string.Join(", ", chosen.Select(c => c.Gemeente.Name))}" : "Gemeenten vergelijken",
            "Twee tot vier gemeenten naast elkaar: status, blauwdruk, periodes en onderdelen.");
    }

    /// <summary>The selects offer the municipalities the portal knows something about, and those chosen.</summary>
    public IEnumerable<MunicipalityView> Options => Data.Municipalities.Where(m => m.Record is not null || Chosen.Contains(m));
}
