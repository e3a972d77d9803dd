using System.Globalization;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>The shipped programme content states only sourced facts: every file passes its field rules,
/// records exist only for the four municipalities of project JAS and point at shipped blueprints, and
/// the cohort table is the source's table number for number.</summary>
public sealed class ProgrammeContentTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");
    private const string OutcomeTable = "programmas/uitkomsten/jas-leidse-regio-2016-2019.nl.md";
    private static readonly string[] JasCodes = ["0546", "0547", "0579", "0638"];

    private static readonly IReadOnlyDictionary<string, IContentFieldRules> Rules =
        new IContentFieldRules[] { new BlueprintFieldRules(), new MunicipalityFieldRules(), new OutcomeFieldRules() }.ToDictionary(r => r.Type);

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Content, "programmas", folder), "*.md").Order(StringComparer.Ordinal)
            .Select(file => $"programmas/{folder}/{Path.GetFileName(file)}");

    public static TheoryData<string> AllFiles() => new(new[] { "blauwdrukken", "gemeenten", "uitkomsten" }.SelectMany(Files));

    private static ContentFile Read(string path) => ContentFile.Parse(path, File.ReadAllText(Path.Combine(Content, path)));

    private static List<(ContentFile File, MunicipalityFields Fields)> Municipalities() =>
        Files("gemeenten").Select(Read).Select(f => (File: f, Fields: ProgrammeJson.Read<MunicipalityFields>(f.Text.Fields))).ToList();

    private static OutcomeFields Outcomes() => ProgrammeJson.Read<OutcomeFields>(Read(OutcomeTable).Text.Fields);

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_shipped_file_passes_the_field_rules_of_its_type(string path)
    {
        var file = Read(path);

        Assert.True(Rules.TryGetValue(file.Type, out var rules), $"{path} has type '{file.Type}', which is not a programmes type.");
        Assert.Empty(rules.Check(file.Text));
    }

    [Fact]
    public void There_are_two_blueprint_versions_of_one_method()
    {
        var blueprints = Files("blauwdrukken").Select(Read).ToList();

        Assert.Equal(2, blueprints.Count);
        Assert.All(blueprints, b => Assert.Equal(ProgrammeContentTypes.Blueprint, b.Type));
        Assert.Single(blueprints.Select(b => ProgrammeJson.Read<BlueprintFields>(b.Text.Fields).Family).Distinct());
    }

    [Fact]
    public void Every_municipality_record_names_a_shipped_blueprint_and_a_municipality_of_the_cbs_list()
    {
        var blueprintSlugs = Files("blauwdrukken").Select(Read).Select(b => b.Slug).ToHashSet(StringComparer.Ordinal);
        using var reader = new StreamReader(Path.Combine(Content, "data", "gemeenten-2023.csv"));
        var gemeenten = new GemeentenList(GemeentenRegister.Parse(reader));

        Assert.All(Municipalities(), m =>
        {
            Assert.Equal(ProgrammeContentTypes.Municipality, m.File.Type);
            Assert.Contains(m.Fields.Blueprint ?? "(none)", blueprintSlugs);
            var gemeente = gemeenten.ByCode(m.Fields.Code);
            Assert.NotNull(gemeente);
            Assert.Contains(gemeente.Name, m.File.Text.Title);
            Assert.NotEmpty(m.Fields.Sources);
            Assert.False(m.Fields.Fictional);
        });
    }

    [Fact]
    public void Only_the_four_municipalities_of_project_jas_have_a_record()
    {
        var codes = Municipalities().Select(m => m.Fields.Code).Order(StringComparer.Ordinal);

        Assert.Equal(JasCodes, codes);
    }

    [Fact]
    public void The_cohort_table_is_the_table_of_the_source_number_for_number()
    {
        var seed = SeedTable.Read(SeedFile());
        var cohorts = Outcomes().Cohorts;

        Assert.Equal(seed.Labels, cohorts.Select(c => c.Label));
        Assert.Equal(seed.Starts, cohorts.Select(c => c.Start));
        Assert.Equal(seed.Ends, cohorts.Select(c => c.End));

        Assert.Equal(
            SeedRows.Select(r => r.Label).Order(StringComparer.Ordinal),
            seed.Rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (label, count, percent) in SeedRows)
        {
            var cells = seed.Rows[label];
            Assert.Equal(cohorts.Count, cells.Count);
            Assert.Equal(cells.Select(c => c.Count), cohorts.Select(count));
            Assert.Equal(cells.Select(c => c.Percent), cohorts.Select(c => percent?.Invoke(c)));
        }
    }

    [Fact]
    public void The_printed_percentages_agree_with_the_counts()
    {
        var cohorts = Outcomes().Cohorts;
        var withPercentages = cohorts.Where(
            c => c.ParticipantsPercent is not null || c.Outflow.TotalPercent is not null || c.PartTimePercent is not null).ToList();

        Assert.NotEmpty(withPercentages);
        Assert.All(withPercentages, c =>
        {
            if (c.ParticipantsPercent is { } participants) Assert.Equal(Percent(c.Participants, c.Participants), participants);
            if (c.Outflow.TotalPercent is { } outflow) Assert.Equal(Percent(c.Outflow.Total, c.Participants), outflow);
            if (c.PartTimePercent is { } partTime) Assert.Equal(Percent(c.PartTime, c.Participants), partTime);
        });
    }

    [Fact]
    public void The_report_covers_the_four_municipalities_together()
    {
        var report = Outcomes();

        Assert.Equal(JasCodes, report.Municipalities.Order(StringComparer.Ordinal));
        Assert.Contains("samen", report.Scope);
        Assert.False(report.Fictional);
    }

    private static int Percent(int part, int whole) =>
        (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>The rows of the source's table, the count each is, and the percentage printed next to it.</summary>
    private static readonly (string Label, Func<Cohort, int> Count, Func<Cohort, int?>? Percent)[] SeedRows =
    [
        ("Aantal deelnemers", c => c.Participants, c => c.ParticipantsPercent),
        ("Totaal", c => c.Outflow.Total, c => c.Outflow.TotalPercent),
        ("Uitstroom naar onderwijs", c => c.Outflow.Education, null),
        ("Uitstroom naar werk", c => c.Outflow.Work, null),
        ("Uitstroom naar zelfstandige", c => c.Outflow.SelfEmployed, null),
        ("Uitstroom gezinsinkomen", c => c.Outflow.HouseholdIncome, null),
        ("Uitstroom verhuizingen", c => c.Outflow.Moving, null),
        ("Uitstroom overige", c => c.Outflow.Other, null),
        ("Parttime inkomsten lopend", c => c.PartTime, c => c.PartTimePercent),
    ];

    private static string SeedFile() => Assert.Single(Directory.GetFiles(SeedDocuments.Folder(), "002_*.txt"));

    /// <summary>One column of a source row: the count, and the percentage printed after it, if any.</summary>
    private sealed record SeedCell(int Count, int? Percent);

    /// <summary>The cohort table of the results report, read from its tab-separated lines.</summary>
    private sealed record SeedTable(
        IReadOnlyList<string> Labels, IReadOnlyList<string> Starts, IReadOnlyList<string> Ends, IReadOnlyDictionary<string, List<SeedCell>> Rows)
    {
        public static SeedTable Read(string path)
        {
            var lines = File.ReadAllLines(path).Where(l => l.Contains('\t')).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
            var rows = new Dictionary<string, List<SeedCell>>(StringComparer.Ordinal);
            foreach (var cells in lines)
            {
                var columns = new List<SeedCell>();
                foreach (var cell in cells.Skip(1).Select(c => c.Trim()))
                {
                    if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) columns.Add(new SeedCell(count, null));
                    else if (cell.EndsWith('%') && int.TryParse(cell[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
                    {
                        Assert.NotEmpty(columns);
                        Assert.Null(columns[^1].Percent);
                        columns[^1] = columns[^1] with { Percent = percent };
                    }
                }
                if (columns.Count > 0) Assert.True(rows.TryAdd(cells[0].Trim(), columns), $"The row '{cells[0]}' occurs twice.");
            }
            return new SeedTable(
                Cells(lines, "JAS totaal vier gemeenten"),
                Cells(lines, "Datum start cohort(en)").Select(Date).ToList(),
                Cells(lines, "Datum einde cohort(en)").Select(Date).ToList(),
                rows);
        }

        private static List<string> Cells(List<string[]> lines, string label) =>
            Assert.Single(lines, l => l[0].Trim() == label).Skip(1).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

        private static string Date(string cell) =>
            DateTime.ParseExact(cell, "d-M-yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
