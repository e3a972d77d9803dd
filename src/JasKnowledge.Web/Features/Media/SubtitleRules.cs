namespace JasKnowledge.Web.Features.Media;

/// <summary>Subtitles that people who read slowly can follow (the films have no sound: the cues tell the story). A cue shows
/// at most 17 characters a second, on at most two lines of at most 42 characters; its text has nothing a player would read
/// as markup or as the end of the cue.</summary>
public static class SubtitleRules
{
    public const double MaxCharactersPerSecond = 17;
    public const int MaxLines = 2;
    public const int MaxLineLength = 42;

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The most characters a cue shown this long may hold.</summary>
    public static int MaxCharacters(TimeSpan shows) => (int)Math.Floor(shows.TotalSeconds * MaxCharactersPerSecond);

    /// <summary>What is wrong with a cue's text, shown this long, in the editors' words; none when it can be shown.</summary>
    public static IEnumerable<string> Problems(TimeSpan shows, string text)
    {
        var lines = text.Split('\n');
        if (lines.Any(l => !JasKnowledge.Core.Formats.HiddenCharacters.HasVisible(l)))
            yield return "een ondertitel heeft geen lege regel; die beëindigt hem in de speler";
        if (text.Contains("-->", StringComparison.Ordinal))
            yield return "een ondertitel kan geen --> bevatten; zo begint de tijd van de volgende";
        if (text.IndexOfAny(['<', '&']) >= 0)
            yield return "een ondertitel kan geen < of & bevatten; de speler leest die als opmaak";
        if (lines.Length > MaxLines)
            yield return $"{lines.Length} regels, hoogstens {MaxLines}";
        foreach (var line in lines.Where(l => l.Length > MaxLineLength))
            yield return $"een regel van {line.Length} tekens, hoogstens {MaxLineLength}: \"{JasKnowledge.Core.Formats.Excerpt.Of(line, 60)}\"";
        var characters = WebVtt.PlainText(new WebVttCue(null, TimeSpan.Zero, shows, text)).Length;
        if (characters > MaxCharacters(shows))
            yield return $"{characters} tekens in {shows.TotalSeconds.ToString("0.0", Dutch)} seconden; hier passen er hoogstens {MaxCharacters(shows)} "
                + $"({MaxCharactersPerSecond:0} per seconde). Kort de tekst in, niet de betekenis";
    }
}
