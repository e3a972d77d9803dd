using System.Text.Json;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Web.Features.Handbook;

namespace JasKnowledge.Tests.Unit;

/// <summary>The rules the handbook's own text keeps, checked on the shipped content: a session that
/// lacks a section would give trainers an incomplete session sheet.</summary>
public sealed partial class HandbookContentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "content", "handboek");

    public static TheoryData<string> Chapters()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.md").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    private static ContentFile Read(string name) =>
        ContentFile.Parse($"handboek/{name}", File.ReadAllText(Path.Combine(Folder, name)));

    private static int? Field(ContentFile file, string name) =>
        file.Text.Fields is { } json && JsonDocument.Parse(json).RootElement.TryGetProperty(name, out var value)
            ? int.Parse(value.ToString()) : null;

    [Fact]
    public void The_handbook_has_three_introductory_chapters_and_at_least_eight_sessions_in_one_order()
    {
        var chapters = Directory.EnumerateFiles(Folder, "*.md").Select(f => Read(Path.GetFileName(f)))
            .Where(f => f.Type == HandbookFeature.ChapterType).ToList();
        var orders = chapters.Select(c => Field(c, "order")).ToList();

        Assert.True(chapters.Count(c => Field(c, "session") is null) >= 3);
        Assert.True(chapters.Count(c => Field(c, "session") is not null) >= 8);
        Assert.Equal(orders.Count, orders.Distinct().Count());
        var sessions = chapters.Where(c => Field(c, "session") is not null).OrderBy(c => Field(c, "order")).ToList();
        Assert.Equal(Enumerable.Range(1, sessions.Count), sessions.Select(s => Field(s, "session")!.Value));
        // Het Gesprek begins after the first twelve weeks, runs to week 24 and ends with the Participatieverklaring
        // (the 2017 description: "Na de eerste 12 weken starten vergunninghouders met de training").
        Assert.Equal(13, Field(sessions[0], "week"));
        Assert.Equal(24, Field(sessions[^1], "week"));
        Assert.Contains("Participatieverklaring", sessions[^1].Text.Title);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_chapter_is_real_text_of_at_least_500_words(string name)
    {
        var file = Read(name);
        if (file.Type != HandbookFeature.ChapterType) return;
        Assert.True(MarkdownOutline.WordCount(file.Text.Body) >= 500, $"{name} has {MarkdownOutline.WordCount(file.Text.Body)} words.");
        Assert.DoesNotContain("lorem", file.Text.Body, StringComparison.OrdinalIgnoreCase);
        var headings = MarkdownOutline.Headings(file.Text.Body, maxLevel: 6).Select(h => h.Id).ToList();
        Assert.Equal(headings.Count, headings.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_session_has_the_six_sections_and_a_timetable_that_fills_its_duration(string name)
    {
        var file = Read(name);
        if (Field(file, "session") is null) return;
        var sections = MarkdownOutline.Sections(file.Text.Body).Where(s => s.Heading is not null).Select(s => s.Heading!.Text).ToList();
        Assert.Equal(HandbookChapter.SessionSections, sections);

        var plan = MarkdownOutline.Sections(file.Text.Body).Single(s => s.Heading?.Text == HandbookChapter.Plan).Markdown;
        var slots = TimeSlot().Matches(plan).Select(m => (From: int.Parse(m.Groups[1].Value), To: int.Parse(m.Groups[2].Value))).ToList();
        Assert.True(slots.Count >= 5, $"{name}: the timetable has {slots.Count} rows.");
        Assert.Equal(0, slots[0].From);
        for (var i = 1; i < slots.Count; i++) Assert.Equal(slots[i - 1].To, slots[i].From);
        Assert.Equal(Field(file, "minutes"), slots[^1].To);

        var handout = MarkdownOutline.Sections(file.Text.Body).Single(s => s.Heading?.Text == HandbookChapter.Handout).Markdown;
        Assert.Contains("### Belangrijke woorden", handout);
    }

    /// <summary>A session's text, its <c>week</c> and the example planning's table say the same week: after the planning moved
    /// one week later, six sessions' opening lines still named the old weeks, in edition 1.7 too (fact check of 7 December).</summary>
    [Fact]
    public void Every_week_a_session_names_is_the_week_of_the_example_planning()
    {
        var planning = Read("plaats-in-het-programma.nl.md").Text.Body;
        var table = PlanningRow().Matches(planning).ToDictionary(m => int.Parse(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value));
        var sessions = Directory.EnumerateFiles(Folder, "sessie-*.md").Select(f => Read(Path.GetFileName(f))).ToList();
        Assert.Equal(sessions.Count, table.Count);
        foreach (var session in sessions)
        {
            var week = Field(session, "week");
            Assert.Equal(table[Field(session, "session")!.Value], week);
            foreach (Match named in WeekNamed().Matches(session.Text.Body))
                Assert.True(int.Parse(named.Groups[1].Value) == week, $"{session.Path}: \"{named.Value}\", but its week is {week}.");
        }
    }

    [GeneratedRegex(@"^\|\s*(\d+)\s*\|\s*(\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex PlanningRow();

    [GeneratedRegex(@"\bweek (\d+)\b")]
    private static partial Regex WeekNamed();

    [GeneratedRegex(@"^\|\s*(\d+)[–-](\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex TimeSlot();
}
