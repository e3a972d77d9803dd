using System.Text.Json;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Tests.Unit;

public sealed class WebVttTests
{
    private const string Valid = "WEBVTT - ondertiteling\n\nNOTE gemaakt voor de test\n\n1\n00:00:00.500 --> 00:00:04.000\nWelkom.\nTweede " +
        "regel.\n\n00:05.000 --> 00:07.250 align:start\n<i>Zonder</i> nummer &amp; met tag.\n";

    [Fact]
    public void Reads_cues_with_and_without_identifier_and_skips_notes()
    {
        var cues = WebVtt.Parse(Valid);

        Assert.Equal(2, cues.Count);
        Assert.Equal("1", cues[0].Id);
        Assert.Equal(TimeSpan.FromMilliseconds(500), cues[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(4), cues[0].End);
        Assert.Equal("Welkom.\nTweede regel.", cues[0].Text);
        Assert.Null(cues[1].Id);
        Assert.Equal(TimeSpan.FromMilliseconds(7250), cues[1].End);
        Assert.Equal("Zonder nummer & met tag.", WebVtt.PlainText(cues[1]));
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_windows_line_ends()
    {
        var cues = WebVtt.Parse("\uFEFF" + Valid.Replace("\n", "\r\n"));
        Assert.Equal(2, cues.Count);
    }

    [Theory]
    [InlineData("WEBVT\n\n00:01.000 --> 00:02.000\nTekst\n", 1, "starts with the line 'WEBVTT'")]
    [InlineData("WEBVTT\n\n1\n00:01.000 -> 00:02.000\nTekst\n", 4, "Expected a cue timing")]
    [InlineData("WEBVTT\n\n1\n00:01.000-->00:02.000\nTekst\n", 4, "space on both sides")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.00\nTekst\n", 3, "'00:02.00' is not a WebVTT time")]
    [InlineData("WEBVTT\n\n00:01:70.000 --> 00:02:00.000\nTekst\n", 3, "is not a WebVTT time")]
    [InlineData("WEBVTT\n\n00:03.000 --> 00:02.000\nTekst\n", 3, "must end after it starts")]
    [InlineData("WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n", 6, "in order of their start time")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n", 5, "cannot contain '-->'")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\n", 3, "has no text")]
    [InlineData("WEBVTT\n\nNOTE alleen een notitie\n", 4, "has no cues")]
    [InlineData("WEBVTT\n00:01.000 --> 00:02.000\nTekst\n", 2, "empty line after the WEBVTT line")]
    [InlineData("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\nSTYLE\n::cue { color: red }\n", 6, "before the first cue")]
    public void Refuses_a_broken_file_with_the_line_of_the_problem(string text, int line, string message)
    {
        var error = Assert.Throws<WebVttException>(() => WebVtt.Parse(text));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Every_shipped_subtitle_file_is_valid_and_fits_its_film()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content", "video");
        var files = Directory.GetFiles(folder, "*.vtt");
        // Every film has subtitles in all eight languages.
        Assert.Equal(Directory.GetFiles(folder, "*.nl.vtt").Length * 8, files.Length);
        foreach (var file in files)
        {
            var cues = WebVtt.Parse(File.ReadAllText(file));
            Assert.True(cues.Count >= 10, file);
            Assert.True(cues[^1].End <= TimeSpan.FromSeconds(DurationOf(folder, file)), file);
            // Subtitles stay readable on a phone: two lines of at most 42 characters.
            Assert.All(
                cues, c => Assert.True(
                c.Text.Split('\n').Length <= 2 && c.Text.Split('\n').All(l => l.Length <= 42), $"{Path.GetFileName(file)}: {c.Text}"));
            var dutch = WebVtt.Parse(File.ReadAllText(Path.Combine(folder, Path.GetFileName(file).Split('.')[0] + ".nl.vtt")));
            // A translation keeps the timing of the Dutch film, cue for cue.
            Assert.Equal(dutch.Select(c => (c.Start, c.End)), cues.Select(c => (c.Start, c.End)));
        }
    }

    /// <summary>The film's length in seconds, as its Dutch page gives it (fields.duration).</summary>
    private static int DurationOf(string folder, string vttFile)
    {
        var name = Path.GetFileName(vttFile).Split('.')[0] + ".nl.md";
        var page = ContentFile.Parse($"video/{name}", File.ReadAllText(Path.Combine(folder, name)));
        using var fields = JsonDocument.Parse(page.Text.Fields!);
        var duration = fields.RootElement.GetProperty("duration");
        return int.Parse(duration.ValueKind == JsonValueKind.String ? duration.GetString()! : duration.GetRawText(),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
