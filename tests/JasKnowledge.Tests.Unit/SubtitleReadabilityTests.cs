using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;

namespace JasKnowledge.Tests.Unit;

/// <summary>Subtitles that people who read slowly can follow: every cue of every shipped .vtt keeps the rules the back office
/// and the XLIFF import hold a translator to (<see cref="SubtitleRules"/>: at most 17 characters a second, two lines of at
/// most 42 characters); and the languages of one film share the same cue times.</summary>
public sealed class SubtitleReadabilityTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Content, "*.vtt", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Content, f).Replace('\\', '/')).Order(StringComparer.Ordinal));

    [Fact]
    public void There_are_subtitles_to_check()
    {
        Assert.True(Files().Count >= 24);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_cue_is_slow_enough_and_fits_two_short_lines(string file)
    {
        var problems = WebVtt.Parse(File.ReadAllText(Path.Combine(Content, file)))
            .SelectMany((cue, i) => SubtitleRules.Problems(cue.End - cue.Start, cue.Text).Select(problem => $"cue {i + 1}: {problem}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_translation_shows_its_cues_at_the_times_of_the_dutch_film(string file)
    {
        var dutchFile = System.Text.RegularExpressions.Regex.Replace(file, @"\.[a-z]{2,3}\.vtt$", ".nl.vtt");
        var dutch = WebVtt.Parse(File.ReadAllText(Path.Combine(Content, dutchFile)));
        var translation = WebVtt.Parse(File.ReadAllText(Path.Combine(Content, file)));
        Assert.Equal(dutch.Select(c => (c.Start, c.End)), translation.Select(c => (c.Start, c.End)));
    }
}
