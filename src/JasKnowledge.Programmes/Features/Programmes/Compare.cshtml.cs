using JasKnowledge.Core.Formats;
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
        var unknown = new List<string>();
        var beyondMax = new List<string>();
        var chosen = new List<MunicipalityView>();
        foreach (var value in Request.Query["g"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct())
        {
            if (Data.Municipality(value) is not { } municipality)
                unknown.Add($"'{Excerpt.Of(value, 40)}'");
            else if (chosen.Count == Max)
                beyondMax.Add(municipality.Gemeente.Name);
            else if (chosen.All(c => c.Gemeente.Code != municipality.Gemeente.Code))
                chosen.Add(municipality);
        }
        // One message per kind, naming a few: a made-up address with thousands of values gets a page of normal size.
        var problems = new List<string>();
        if (unknown.Count > 0)
            problems.Add($"{Few(unknown)} {(unknown.Count == 1 ? "is geen gemeente" : "zijn geen gemeenten")} uit de CBS-lijst en {(unknown.Count == 1 ? "is" : "zijn")} overgeslagen.");
        if (beyondMax.Count > 0)
            problems.Add($"U kunt hoogstens {Max} gemeenten vergelijken; overgeslagen: {Few(beyondMax)}.");
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

    private static string Few(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        <= 5 => $"{string.Join(", ", names.Take(names.Count - 1))} en {names[^1]}",
        _ => $"{string.Join(", ", names.Take(5))} en {names.Count - 5} andere",
    };

    /// <summary>The selects offer the municipalities the portal knows something about, and those chosen.</summary>
    public IEnumerable<MunicipalityView> Options => Data.Municipalities.Where(m => m.Record is not null || Chosen.Contains(m));
}
