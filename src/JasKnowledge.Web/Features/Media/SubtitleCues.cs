using System.Globalization;
using System.Text;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Media;

/// <summary>A film's subtitles as a translated field: one part per cue. A translation keeps the Dutch film's cue times (the
/// pictures are the same in every language), so only the texts travel; each must fit its cue (<see cref="SubtitleRules"/>).</summary>
public sealed class SubtitleCues() : TranslatedField(MediaFeature.Type, MediaFeature.SubtitlesField, "Ondertitels")
{
    public override IReadOnlyList<FieldPart> Parts(string text) =>
        Cues(text).Select((cue, i) => new FieldPart(cue.Text,
            $"ondertitel {i + 1}, {Time(cue.Start)}–{Time(cue.End)} ({(cue.End - cue.Start).TotalSeconds.ToString("0.0", Dutch)} s): "
            + $"hoogstens {SubtitleRules.MaxLines} regels van {SubtitleRules.MaxLineLength} tekens, samen hoogstens "
            + $"{SubtitleRules.MaxCharacters(cue.End - cue.Start)} tekens")).ToList();

    public override string Join(string dutch, IReadOnlyList<string> parts)
    {
        var cues = Cues(dutch);
        if (parts.Count != cues.Count) throw new ArgumentException($"{cues.Count} cues, {parts.Count} texts", nameof(parts));
        var file = new StringBuilder("WEBVTT\n");
        for (var i = 0; i < cues.Count; i++)
        {
            file.Append('\n');
            if (cues[i].Id is { } id) file.Append(id).Append('\n');
            file.Append(Timestamp(cues[i].Start)).Append(" --> ").Append(Timestamp(cues[i].End)).Append('\n')
                .Append(Tidy(parts[i])).Append('\n');
        }
        return file.ToString();
    }

    public override string? Problem(string dutch, int index, string translation)
    {
        var cues = Cues(dutch);
        if (index < 0 || index >= cues.Count) return "deze ondertitel heeft geen plaats in de Nederlandse film";
        var text = Tidy(translation);
        // A cue of only invisible characters (a zero-width space, an isolate) shows nothing: a line of the story lost.
        if (!JasKnowledge.Core.Formats.HiddenCharacters.HasVisible(text)) return "de ondertitel is leeg";
        if (JasKnowledge.Core.Formats.HiddenCharacters.Problem("De ondertitel", text) is { } hidden) return hidden;
        var problems = SubtitleRules.Problems(cues[index].End - cues[index].Start, text).ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>A cue's text as a translator's tool or a form sends it: lines ended by LF (also a Unicode line or paragraph
    /// separator, which a player would break at too), without spaces around them, and no line breaks around the whole.</summary>
    public static string Tidy(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n')
            .Replace('\u0085', '\n').Trim('\n', ' ', '\t').Split('\n').Select(line => line.Trim(' ', '\t')));

    private static IReadOnlyList<WebVttCue> Cues(string text)
    {
        try
        {
            return WebVtt.Parse(text);
        }
        catch (WebVttException)
        {
            // The import refuses such files; a field saved elsewhere has nothing to translate.
            return [];
        }
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string Time(TimeSpan time) => time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        + "," + (time.Milliseconds / 100).ToString(CultureInfo.InvariantCulture);

    private static string Timestamp(TimeSpan time) =>
        $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}";
}
