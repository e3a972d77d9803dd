namespace JasKnowledge.Programmes.Model;

/// <summary>
/// Reported outcomes (content type "uitkomsten"), exactly as in their source. A report has a scope: the
/// municipalities it covers together. The JAS cohort table covers four municipalities at once, so it is
/// shown on each of the four with that scope named, and counted once in totals.
/// </summary>
public sealed class OutcomeFields
{
    public List<string> Municipalities { get; set; } = [];
    /// <summary>Says whose figures these are ("de vier gemeenten samen").</summary>
    public string Scope { get; set; } = "";
    public string Source { get; set; } = "";
    public List<Cohort> Cohorts { get; set; } = [];
    /// <summary>Single figures from a source ("452 deelnemers gestart tot 1 mei 2017").</summary>
    public List<OutcomeFigure> Figures { get; set; } = [];
    public bool Fictional { get; set; }

    /// <summary>The widest column of the cohort table (the one with the most participants): the
    /// report's total, used for national totals.</summary>
    public Cohort? Total => Cohorts.OrderByDescending(c => c.Participants).FirstOrDefault();
}

/// <summary>One column of a cohort outflow table. Percentages are stored as the source prints them,
/// not recomputed (a unit test checks they agree with the counts).</summary>
public sealed class Cohort
{
    public string Label { get; set; } = "";
    public string? Start { get; set; }
    public string? End { get; set; }
    public int Participants { get; set; }
    public int? ParticipantsPercent { get; set; }
    public Outflow Outflow { get; set; } = new();
    /// <summary>Participants with part-time income while still on benefits.</summary>
    public int PartTime { get; set; }
    public int? PartTimePercent { get; set; }
}

public sealed class Outflow
{
    public int Total { get; set; }
    public int? TotalPercent { get; set; }
    public int Education { get; set; }
    public int Work { get; set; }
    public int SelfEmployed { get; set; }
    public int HouseholdIncome { get; set; }
    public int Moving { get; set; }
    public int Other { get; set; }
}

public sealed class OutcomeFigure
{
    public string Label { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed record OutcomeReport(string Slug, string Title, string Body, OutcomeFields Fields);
