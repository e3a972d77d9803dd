using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Programmes;

/// <summary>The national picture for the ministry: municipalities per status and per blueprint version,
/// how many municipalities run each component, and the outcomes where reported.</summary>
public sealed class AdoptionOverview
{
    /// <summary>"Waar Nederlandse gemeenten gemiddeld een uitstroom bereiken van 16%, bereikt project JAS een uitstroom van
    /// 50%" (seed 001): the programme's own comparison, for which the news item names no group or period.</summary>
    public const int NationalOutflowPercent = 16;
    public const int AnnouncedOutflowPercent = 50;
    /// <remarks>The item gives "woensdag 19 december" without a year; it follows from the item (after July 2018), and the page
    /// says so rather than state a year the source does not (fact check of 6 December 2026).</remarks>
    public const string NationalOutflowSource = "Gemeente Leiden, nieuwsbericht bij de overdracht van het materiaal van Project JAS aan het " +
        "ministerie van SZW (19 december, zonder jaartal; uit het bericht volgt 2018)";

    public AdoptionOverview(ProgrammeData data)
    {
        PerStatus = AdoptionStatuses.All.ToDictionary(s => s, s => data.Municipalities.Count(m => m.Status == s));
        InferredPerStatus = AdoptionStatuses.All.ToDictionary(
            s => s, s => data.Municipalities.Count(m => m.Status == s && m.Record?.Fields.StatusInferred == true));
        PerBlueprint = data.Blueprints.Select(b => new BlueprintStarts(b,
            data.Municipalities.Count(m => m.Blueprint == b),
            data.Municipalities.Count(m => m.Blueprint == b && m.Record?.Fields.BlueprintInferred == true))).ToList();
        var withProgramme = data.Municipalities.Where(m => m.Programme is not null && m.Status != AdoptionStatus.Gestopt).ToList();
        MunicipalitiesWithProgramme = withProgramme.Count;
        ComponentUsage = withProgramme
            .SelectMany(m => m.Programme!.Components.Select(c => (c.Key, c.Name, m.Gemeente.Code)))
            .GroupBy(x => x.Key)
            .Select(g => new ComponentUse(g.Key, g.First().Name, g.Select(x => x.Code).Distinct().Count()))
            .OrderByDescending(u => u.Municipalities).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        ReportedOutcomes = data.Reports.Where(r => r.Fields.Total is not null).ToList();
        Participants = ReportedOutcomes.Sum(r => r.Fields.Total!.Participants);
        Outflow = ReportedOutcomes.Sum(r => r.Fields.Total!.Outflow.Total);
        OutcomesIncludeFiction = ReportedOutcomes.Any(r => r.Fields.Fictional);
    }

    public IReadOnlyDictionary<AdoptionStatus, int> PerStatus { get; }
    /// <summary>Of <see cref="PerStatus"/>, the municipalities whose status the portal inferred: a total must not state as fact
    /// what the table beside it marks "(afgeleid)" (fact check of 6 December 2026).</summary>
    public IReadOnlyDictionary<AdoptionStatus, int> InferredPerStatus { get; }
    public IReadOnlyList<BlueprintStarts> PerBlueprint { get; }
    public bool AnyInferred => InferredPerStatus.Values.Any(n => n > 0) || PerBlueprint.Any(b => b.Inferred > 0);
    public int MunicipalitiesWithProgramme { get; }
    public IReadOnlyList<ComponentUse> ComponentUsage { get; }
    /// <summary>Each report counted once, however many municipalities it covers.</summary>
    public IReadOnlyList<OutcomeReport> ReportedOutcomes { get; }
    public int Participants { get; }
    public int Outflow { get; }
    public bool OutcomesIncludeFiction { get; }

    /// <summary>Outflow as a whole percentage of participants, rounded as the sources round.</summary>
    public int? OutflowPercent => Participants == 0 ? null : (int)Math.Round(100.0 * Outflow / Participants, MidpointRounding.AwayFromZero);
}

/// <summary>How many municipalities began with a blueprint version, and of those how many by the portal's inference.</summary>
public sealed record BlueprintStarts(Blueprint Blueprint, int Municipalities, int Inferred);

public sealed record ComponentUse(string Key, string Name, int Municipalities);
