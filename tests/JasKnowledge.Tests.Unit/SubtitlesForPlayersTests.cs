using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;

namespace JasKnowledge.Tests.Unit;

/// <summary>Right-to-left subtitles as players get them: each cue line is its own bidi paragraph in a player, so a line that
/// begins with a Dutch term was laid out left to right and read out of order (review on a phone, 7 December).</summary>
public sealed class SubtitlesForPlayersTests
{
    private const string Arabic = "WEBVTT\n\nNOTE made for the test\n\n1\n00:00:00.200 --> 00:00:05.800\nفي هولندا يجب أن يكون لديك تأمين صحي\n(zorgverzekering). هذا هو القانون.\n\n2\n00:00:05.900 --> 00:00:09.000\nالتأمين يدفع.\n";

    [Fact]
    public void Every_cue_line_of_a_right_to_left_file_begins_with_a_right_to_left_mark_and_nothing_else_changes()
    {
        var served = WebVtt.ForPlayers(Arabic);
        var lines = served.Split('\n');
        Assert.Equal("WEBVTT", lines[0]);
        Assert.Equal("NOTE made for the test", lines[2]);
        Assert.Equal("\u200F(zorgverzekering). هذا هو القانون.", lines[7]);
        Assert.Equal("\u200Fالتأمين يدفع.", lines[11]);
        Assert.Equal(Arabic, served.Replace("\u200F", ""));
        Assert.Equal(served, WebVtt.ForPlayers(served));
        Assert.Equal(WebVtt.Parse(Arabic).Select(c => (c.Start, c.End)), WebVtt.Parse(served).Select(c => (c.Start, c.End)));
    }

    [Theory]
    [InlineData("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n(Het Gesprek) is een training.\n")]
    [InlineData("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHet Gesprek ብጉጅለ ዝውሃብ ስልጠና እዩ።\n")]
    public void Left_to_right_and_ethiopic_files_are_served_as_written(string text) => Assert.Equal(text, WebVtt.ForPlayers(text));

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("prs")]
    public void No_shipped_right_to_left_cue_line_reaches_a_player_without_its_mark(string culture)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content", "video");
        foreach (var file in Directory.EnumerateFiles(folder, $"*.{culture}.vtt"))
        {
            var served = WebVtt.ForPlayers(File.ReadAllText(file));
            foreach (var cue in WebVtt.Parse(served))
                Assert.All(cue.Text.Split('\n'), line => Assert.StartsWith("\u200F", line));
        }
    }
}
