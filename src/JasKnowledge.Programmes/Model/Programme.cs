namespace JasKnowledge.Programmes.Model;

/// <summary>
/// A 24x24 programme as a structure: consecutive periods (weeks, minimum hours a week) and the
/// components that run in them, with how often participants are seen, the tracks (sporen), the focus
/// on education for under-30s and the partners. Blueprints and municipal configurations share it, so
/// a configuration can be compared with the blueprint it came from.
/// </summary>
public sealed class Programme
{
    public List<ProgrammePeriod> Periods { get; set; } = [];
    public List<ProgrammeComponent> Components { get; set; } = [];
    /// <summary>How often a participant is seen ("elke 1 tot 4 weken").</summary>
    public string? Contact { get; set; }
    public List<ProgrammeTrack> Tracks { get; set; } = [];
    /// <summary>What the programme does for participants under 30 (education), if it says so.</summary>
    public string? Under30 { get; set; }
    public List<string> Partners { get; set; } = [];
    public string? Notes { get; set; }

    public int TotalWeeks => Periods.Sum(p => p.Weeks);

    /// <summary>The period's label: its own name, or "Periode n" (1-based).</summary>
    public string PeriodName(int number) =>
        number >= 1 && number <= Periods.Count && !string.IsNullOrWhiteSpace(Periods[number - 1].Name)
            ? Periods[number - 1].Name!
            : $"Periode {number}";
}

public sealed class ProgrammePeriod
{
    public string? Name { get; set; }
    public int Weeks { get; set; }
    /// <summary>Minimum hours a week a participant is expected to spend.</summary>
    public int Hours { get; set; }
}

/// <summary>A component (onderdeel) and the periods it runs in, by number (1-based): moving a
/// component is changing that list.</summary>
public sealed class ProgrammeComponent
{
    /// <summary>Stable name across versions ("het-gesprek"), so a renamed component is a change, not a
    /// removal and an addition.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public List<int> Periods { get; set; } = [];
    public string? Partner { get; set; }
    public string? Note { get; set; }
}

/// <summary>A track (spoor): A is the ideal route, B and C the alternatives.</summary>
public sealed class ProgrammeTrack
{
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
}
