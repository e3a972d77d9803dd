using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;

namespace JasKnowledge.Tests.Unit;

/// <summary>Subtitles that people who read slowly can follow: every cue of every shipped .vtt shows at
/// most 17 characters a second (its text as readers see it, divided by how long it shows) on at most
/// two lines of at most 42 characters; and the languages of one film share the same cue times.</summary>
public sealed class SubtitleReadabilityTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");
    public const double MaxCharactersPerSecond = 17;
    public const int MaxLines = 2;
    public const int MaxLineLength = 42;

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
        var problems = new List<string>();
        foreach (var (cue, number) in WebVtt.Parse(File.ReadAllText(Path.Combine(Content, file))).Select((c, i) => (c, i + 1)))
        {
            var text = WebVtt.PlainText(cue);
            var seconds = (cue.End - cue.Start).TotalSeconds;
            var speed = text.Length / seconds;
            if (speed > MaxCharactersPerSecond)
                problems.Add($"cue {number}: {text.Length} characters in {seconds:0.0} s is {speed:0.0} a second (at most {MaxCharactersPerSecond}): "
                    + "shorten the text, not the meaning, or give the cue more time in every language of the film");
            var lines = cue.Text.Split('\n');
            if (lines.Length > MaxLines) problems.Add($"cue {number}: {lines.Length} lines (at most {MaxLines})");
            problems.AddRange(
                lines.Where(l => l.Length > MaxLineLength)
                .Select(l => $"cue {number}: a line of {l.Length} characters (at most {MaxLineLength}): {l}"));
        }
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
