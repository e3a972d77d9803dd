using System.Globalization;
using System.Text.RegularExpressions;

namespace JasKnowledge.Web.Features.Media;

/// <summary>One subtitle cue: when it shows and what it says.</summary>
public sealed record WebVttCue(string? Id, TimeSpan Start, TimeSpan End, string Text);

/// <summary>A subtitle file that broke a rule of the WebVTT format, with the line where it did.</summary>
public sealed class WebVttException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads WebVTT (the W3C subtitle format browsers play in &lt;track&gt;) strictly enough that a file
/// the portal accepts also plays: the WEBVTT signature, cue timings that are well formed, increasing
/// and not ending before they start. NOTE, STYLE and REGION blocks are skipped; cue settings after the
/// timing are allowed. The cue text is kept as written, without markup, for transcripts.
/// </summary>
public static partial class WebVtt
{
    public const string MediaType = "text/vtt";

    [GeneratedRegex(@"^(?<start>\S+)[ \t]+-->[ \t]+(?<end>\S+)(?<settings>[ \t].*)?$")]
    private static partial Regex TimingLine();

    [GeneratedRegex(@"^(?:(?<h>\d{2,}):)?(?<m>[0-5]\d):(?<s>[0-5]\d)\.(?<ms>\d{3})$")]
    private static partial Regex Timestamp();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    public static IReadOnlyList<WebVttCue> Parse(string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (!(lines[0] == "WEBVTT" || lines[0].StartsWith("WEBVTT ", StringComparison.Ordinal)
            || lines[0].StartsWith("WEBVTT\t", StringComparison.Ordinal)))
            throw new WebVttException(1, "A WebVTT file starts with the line 'WEBVTT'.");

        var cues = new List<WebVttCue>();
        var i = 1;
        // The header may continue until the first blank line.
        while (i < lines.Length && lines[i].Length > 0)
        {
            if (lines[i].Contains("-->", StringComparison.Ordinal))
                throw new WebVttException(i + 1, "Leave an empty line after the WEBVTT line before the first cue.");
            i++;
        }
        var previousStart = TimeSpan.Zero;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0) { i++; continue; }
            var blockStart = i;
            var block = new List<string>();
            while (i < lines.Length && lines[i].Length > 0) block.Add(lines[i++]);
            if (block[0] is "NOTE" or "STYLE" or "REGION" || block[0].StartsWith("NOTE ", StringComparison.Ordinal)
                || block[0].StartsWith("NOTE\t", StringComparison.Ordinal))
            {
                if (block[0] is "STYLE" or "REGION" && cues.Count > 0)
                    throw new WebVttException(blockStart + 1, $"A {block[0]} block must come before the first cue.");
                continue;
            }

            var timingIndex = block[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            if (timingIndex >= block.Count || !block[timingIndex].Contains("-->", StringComparison.Ordinal))
                throw new WebVttException(
                    blockStart + 1 + Math.Min(timingIndex, block.Count - 1), "Expected a cue timing like '00:00:01.000 --> 00:00:04.000'.");
            var timingLine = blockStart + 1 + timingIndex;
            var timing = TimingLine().Match(block[timingIndex]);
            if (!timing.Success)
                throw new WebVttException(
                    timingLine, "Expected a cue timing like '00:00:01.000 --> 00:00:04.000', with a space on both sides of the arrow.");
            var start = ParseTimestamp(timing.Groups["start"].Value, timingLine);
            var end = ParseTimestamp(timing.Groups["end"].Value, timingLine);
            if (end <= start)
                throw new WebVttException(timingLine, "A cue must end after it starts.");
            if (start < previousStart)
                throw new WebVttException(timingLine, "Cues must be in order of their start time.");
            previousStart = start;

            var textLines = block.Skip(timingIndex + 1).ToList();
            for (var t = 0; t < textLines.Count; t++)
            {
                if (textLines[t].Contains("-->", StringComparison.Ordinal))
                    throw new WebVttException(timingLine + 1 + t, "Cue text cannot contain '-->'; leave an empty line between cues.");
            }
            if (textLines.Count == 0)
                throw new WebVttException(timingLine, "This cue has no text.");
            var id = timingIndex == 1 ? block[0] : null;
            cues.Add(new WebVttCue(id, start, end, string.Join("\n", textLines)));
        }
        if (cues.Count == 0)
            throw new WebVttException(lines.Length, "The file has no cues.");
        return cues;
    }

    /// <summary>
    /// Subtitles in a right-to-left script as players must get them: every cue line begins with a right-to-left mark (U+200F).
    /// A player lays out each cue line as a paragraph of its own, whose direction its first strong letter decides, so a line
    /// that began with a Dutch term ("(zorgverzekering). هذا هو القانون.") was laid out left to right and read out of order
    /// (review on a phone, 7 December). Text mostly in Latin or Ethiopic script is returned as it is.
    /// </summary>
    public static string ForPlayers(string text)
    {
        int rightToLeft = 0, other = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!System.Text.Rune.IsLetter(rune)) continue;
            if (rune.Value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF) rightToLeft++;
            else other++;
        }
        if (rightToLeft <= other) return text;
        var lines = text.Split('\n');
        var inCue = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) inCue = false;
            else if (line.Contains("-->", StringComparison.Ordinal)) inCue = true;
            else if (inCue && !line.StartsWith('\u200F')) lines[i] = "\u200F" + lines[i];
        }
        return string.Join('\n', lines);
    }

    /// <summary>The cue text as readers see it: tags like &lt;i&gt; removed, entities decoded.</summary>
    public static string PlainText(WebVttCue cue) =>
        System.Net.WebUtility.HtmlDecode(Tag().Replace(cue.Text, "")).Replace('\n', ' ').Trim();

    private static TimeSpan ParseTimestamp(string value, int line)
    {
        var match = Timestamp().Match(value);
        if (!match.Success)
            throw new WebVttException(line, $"'{value}' is not a WebVTT time; write it as hh:mm:ss.ttt or mm:ss.ttt.");
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        return new TimeSpan(
            0, hours, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
    }
}
