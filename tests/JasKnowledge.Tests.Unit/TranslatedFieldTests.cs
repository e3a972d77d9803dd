using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Web.Features.Media;

namespace JasKnowledge.Tests.Unit;

/// <summary>A film's subtitles and its "what the film shows" sentence as translated fields: split into parts, put back on the
/// Dutch film's times, and held to the rules a reader needs.</summary>
public sealed class TranslatedFieldTests
{
    private static readonly string Video = Path.Combine(AppContext.BaseDirectory, "content", "video");
    private static readonly SubtitleCues Cues = new();

    private const string Dutch = "WEBVTT\n\n1\n00:00:00.200 --> 00:00:04.200\nIn een nieuw land\nken je weinig mensen.\n\n"
        + "2\n00:00:04.300 --> 00:00:06.300\nDaarom krijg je een mentor.\n";

    public static TheoryData<string> Translations() => new(Directory.EnumerateFiles(Video, "*.vtt")
        .Where(f => !f.EndsWith(".nl.vtt", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void Every_cue_is_a_part_that_says_when_it_shows_and_how_much_fits()
    {
        var parts = Cues.Parts(Dutch);
        Assert.Equal(["In een nieuw land\nken je weinig mensen.", "Daarom krijg je een mentor."], parts.Select(p => p.Text));
        // 4.0 s at 17 characters a second.
        Assert.Equal("ondertitel 1, 0:00,2–0:04,2 (4,0 s): hoogstens 2 regels van 42 tekens, samen hoogstens 68 tekens", parts[0].Context);
        Assert.Contains("samen hoogstens 34 tekens", parts[1].Context);
    }

    [Fact]
    public void A_translation_is_put_together_on_the_dutch_films_times_and_cue_names()
    {
        var joined = Cues.Join(Dutch, [" في بلد جديد\r\nتعرف أناسًا قليلين. ", "لذلك تحصل على مرشد."]);
        Assert.Equal("WEBVTT\n\n1\n00:00:00.200 --> 00:00:04.200\nفي بلد جديد\nتعرف أناسًا قليلين.\n\n"
            + "2\n00:00:04.300 --> 00:00:06.300\nلذلك تحصل على مرشد.\n", joined);
        Assert.Equal(2, WebVtt.Parse(joined).Count);
        Assert.Throws<ArgumentException>(() => Cues.Join(Dutch, ["één"]));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Each_shipped_translation_put_together_from_its_parts_is_the_same_film(string file)
    {
        var dutch = File.ReadAllText(Path.Combine(Video, System.Text.RegularExpressions.Regex.Replace(file, @"\.[a-z]{2,3}\.vtt$", ".nl.vtt")));
        var translation = File.ReadAllText(Path.Combine(Video, file));
        var joined = Cues.Join(dutch, Cues.Parts(translation).Select(p => p.Text).ToList());
        Assert.Equal(WebVtt.Parse(translation), WebVtt.Parse(joined));
        Assert.All(Cues.Parts(translation).Select((p, i) => Cues.Problem(dutch, i, p.Text)), Assert.Null);
    }

    [Theory]
    [InlineData("Daarom krijg je een mentor die je helpt in je buurt.", "hoogstens 34")]
    [InlineData("Een\ntwee\ndrie", "3 regels, hoogstens 2")]
    [InlineData("Een regel die veel te lang is voor een telefoon", "een regel van 47 tekens, hoogstens 42")]
    [InlineData("Kijk <b>hier</b>", "< of &")]
    [InlineData("Eerst\n\nDan", "geen lege regel")]
    [InlineData("Nu --> straks", "-->")]
    [InlineData("  \n ", "leeg")]
    [InlineData("\u200B", "leeg")]
    [InlineData("\u2066\u2069", "leeg")]
    [InlineData("Daarom\n\u200B", "geen lege regel")]
    [InlineData("Daarom \u202Ekrijg je", "U+202E")]
    [InlineData("Een\u2028twee\u2029drie", "3 regels, hoogstens 2")]
    public void A_cue_that_a_reader_cannot_follow_or_a_player_would_misread_is_refused(string translation, string expected)
    {
        Assert.Contains(expected, Cues.Problem(Dutch, 1, translation));
    }

    [Fact]
    public void A_line_too_long_is_quoted_in_part_so_a_huge_one_does_not_fill_the_report()
    {
        var problem = Cues.Problem(Dutch, 0, new string('a', 100_000))!;
        Assert.Contains("een regel van 100000 tekens, hoogstens 42", problem);
        Assert.True(problem.Length < 400, problem.Length.ToString());
    }

    [Fact]
    public void A_cue_that_fits_is_accepted_and_a_part_beyond_the_film_is_not()
    {
        Assert.Null(Cues.Problem(Dutch, 1, "لذلك تحصل على مرشد."));
        Assert.NotNull(Cues.Problem(Dutch, 2, "Extra"));
    }

    [Fact]
    public void The_sentence_of_what_the_film_shows_is_one_line_of_limited_length()
    {
        var shows = new OneLineField("video", "shows", "Wat de film laat zien", 20);
        Assert.Equal("De tekening", shows.Join("De tekeningen", ["  De tekening "]));
        Assert.Null(shows.Problem("x", 0, "Een hart."));
        Assert.Contains("één regel", shows.Problem("x", 0, "Een\nhart"));
        Assert.Contains("hoogstens 20 tekens (nu 21)", shows.Problem("x", 0, new string('a', 21)));
        Assert.Contains("leeg", shows.Problem("x", 0, " "));
        Assert.Contains("leeg", shows.Problem("x", 0, "\u200B\u2066"));
        Assert.Contains("U+202E", shows.Problem("x", 0, "Een \u202Ehart"));
    }

    [Fact]
    public void A_field_is_read_and_written_without_touching_the_others()
    {
        const string fields = "{\"sheet\":\"je-mentor\",\"order\":6,\"sessions\":[\"sessie-8\"],\"shows\":\"Oud\"}";
        Assert.Equal("Oud", VersionFields.Text(fields, "shows"));
        Assert.Null(VersionFields.Text(fields, "order"));
        Assert.Null(VersionFields.Text("geen json", "shows"));
        Assert.Null(VersionFields.Text("[1,2]", "shows"));
        var written = VersionFields.With(fields, "shows", "مرشد \"nieuw\"");
        Assert.Equal("{\"sheet\":\"je-mentor\",\"order\":6,\"sessions\":[\"sessie-8\"],\"shows\":\"مرشد \\\"nieuw\\\"\"}", written);
        Assert.Equal("WEBVTT", VersionFields.Text(VersionFields.With(null, "subtitles", "WEBVTT"), "subtitles"));
    }
}
