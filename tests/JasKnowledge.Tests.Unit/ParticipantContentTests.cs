using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Tests.Unit;

/// <summary>Rules the shipped sheets and videos keep: every language present, every translation says
/// which Dutch version it was made from and keeps the Dutch structure, sheets fit on two A4 pages.</summary>
public sealed class ParticipantContentTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");
    private static readonly string[] Languages = ["nl", "en", "ar", "ti", "fa", "prs", "so", "uk"];

    private static IEnumerable<string> SetNames() =>
        new[] { "informatie", "video" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Content, folder), "*.nl.md").Order()
            .Select(file => $"{folder}/{Path.GetFileName(file)[..^".nl.md".Length]}"));

    public static TheoryData<string> Sets() => new(SetNames());

    private static ContentFile Read(string set, string culture) =>
        ContentFile.Parse($"{set}.{culture}.md", File.ReadAllText(Path.Combine(Content, $"{set}.{culture}.md")));

    /// <summary>Each film names the sheet on its topic, which exists: the two pages link to each other.</summary>
    [Fact]
    public void Every_film_names_an_existing_sheet_on_its_topic()
    {
        foreach (var film in SetNames().Where(s => s.StartsWith("video/", StringComparison.Ordinal)))
        {
            var fields = System.Text.Json.JsonDocument.Parse(Read(film, "nl").Text.Fields!).RootElement;
            Assert.True(fields.TryGetProperty("sheet", out var sheet), $"{film} names no sheet.");
            Assert.True(File.Exists(Path.Combine(Content, "informatie", $"{sheet.GetString()}.nl.md")), $"{film}: no sheet {sheet}.");
        }
    }

    [Fact]
    public void There_are_at_least_six_sheets_and_three_videos()
    {
        var sets = SetNames().ToList();
        Assert.True(sets.Count(s => s.StartsWith("informatie/", StringComparison.Ordinal)) >= 6);
        Assert.True(sets.Count(s => s.StartsWith("video/", StringComparison.Ordinal)) >= 3);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_language_has_a_translation_of_the_current_dutch_text_with_the_same_sections(string set)
    {
        var dutch = Read(set, "nl");
        var dutchHeadings = MarkdownOutline.Headings(dutch.Text.Body, maxLevel: 2).Count;
        Assert.Null(dutch.Text.SourceVersion);
        // All translations were made from the same Dutch version: 1 for a set never changed, one more
        // for every change made in the Dutch text and every translation together.
        var from = Read(set, Languages[1]).Text.SourceVersion;
        Assert.NotNull(from);
        Assert.True(from.Value >= 1, $"{set}: translatedFrom is a Dutch version number, from 1.");
        foreach (var culture in Languages.Skip(1))
        {
            var translation = Read(set, culture);
            Assert.Equal(dutch.Type, translation.Type);
            Assert.Equal(from, translation.Text.SourceVersion);
            Assert.Equal(dutchHeadings, MarkdownOutline.Headings(translation.Text.Body, maxLevel: 2).Count);
            Assert.NotEqual(dutch.Text.Title, translation.Text.Title);
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_dutch_sheet_is_short_enough_for_two_pages_and_teaches_its_words(string set)
    {
        if (!set.StartsWith("informatie/", StringComparison.Ordinal)) return;
        var dutch = Read(set, "nl");
        var words = MarkdownOutline.WordCount(dutch.Text.Body);
        Assert.InRange(words, 300, 600);
        // The word list ends the text; only the source of the sheet's facts may follow it (fact check of 7 December).
        var headings = MarkdownOutline.Headings(dutch.Text.Body, maxLevel: 2).Select(h => h.Text).ToList();
        if (headings[^1] == "Bron") headings.RemoveAt(headings.Count - 1);
        Assert.Equal("Belangrijke woorden", headings[^1]);
        Assert.Contains("\"sessions\"", dutch.Text.Fields);
    }
}
