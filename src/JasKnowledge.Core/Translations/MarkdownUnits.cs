using System.Text;
using System.Text.RegularExpressions;

namespace JasKnowledge.Core.Translations;

/// <summary>One translatable block of a Markdown text (a heading, paragraph, list item or table cell),
/// with the heading it stands under, for the translator's context.</summary>
public sealed record TextUnit(string Text, string Kind, string? Section);

/// <summary>
/// A Markdown text split into what a translator translates (one unit per block) and the structure
/// around it (heading and list markers, table bars, blank lines, code blocks), which stays as it is.
/// Joining the structure with the units' translations gives the translated Markdown, so translators
/// cannot break the layout.
/// </summary>
public sealed partial class MarkdownUnits
{
    private readonly List<string> _structure = [];
    private readonly List<TextUnit> _units = [];

    public IReadOnlyList<TextUnit> Units => _units;

    public static MarkdownUnits Of(string body)
    {
        var result = new MarkdownUnits();
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var structure = new StringBuilder();
        var inFence = false;
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var end = i < lines.Length - 1 ? "\n" : "";
            if (Fence().IsMatch(line)) inFence = !inFence;
            if (inFence || Fence().IsMatch(line) || line.Trim().Length == 0 || TableRule().IsMatch(line))
            {
                structure.Append(line).Append(end);
                continue;
            }
            if (Heading().Match(line) is { Success: true } heading)
            {
                section = heading.Groups["text"].Value.Trim();
                Add(heading.Groups["mark"].Value, heading.Groups["text"].Value, "heading", heading.Groups["tail"].Value + end);
            }
            else if (line.TrimStart().StartsWith('|'))
            {
                foreach (Match cell in TableCell().Matches(line))
                {
                    structure.Append(cell.Groups["before"].Value);
                    if (cell.Groups["text"].Value.Length > 0) result.Add(structure, cell.Groups["text"].Value, "table-cell", section);
                    structure.Append(cell.Groups["after"].Value);
                }
                structure.Append(end);
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                Add(item.Groups["mark"].Value, item.Groups["text"].Value, "list-item", end);
            }
            else
            {
                // A paragraph: its following lines up to a blank line or another block belong to it.
                var text = new StringBuilder(line);
                while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && !Fence().IsMatch(lines[i + 1])
                       && !Heading().IsMatch(lines[i + 1]) && !ListItem().IsMatch(lines[i + 1]) && !lines[i + 1].TrimStart().StartsWith('|'))
                {
                    text.Append('\n').Append(lines[++i]);
                }
                Add("", text.ToString(), "paragraph", i < lines.Length - 1 ? "\n" : "");
            }
        }
        result._structure.Add(structure.ToString());
        return result;

        void Add(string mark, string text, string kind, string after)
        {
            structure.Append(mark);
            if (text.Length > 0) result.Add(structure, text, kind, section);
            structure.Append(after);
        }
    }

    private void Add(StringBuilder structure, string text, string kind, string? section)
    {
        _structure.Add(structure.ToString());
        structure.Clear();
        _units.Add(new TextUnit(text, kind, section));
    }

    /// <summary>The text with each unit replaced by its translation, in order.</summary>
    public string Join(IReadOnlyList<string> translations)
    {
        if (translations.Count != _units.Count)
            throw new ArgumentException($"Expected {_units.Count} translations, got {translations.Count}.", nameof(translations));
        var text = new StringBuilder();
        for (var i = 0; i < _units.Count; i++) text.Append(_structure[i]).Append(translations[i]);
        return text.Append(_structure[^1]).ToString();
    }

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();
    [GeneratedRegex(@"^(?<mark>\s{0,3}#{1,6}\s+)(?<text>.*?)(?<tail>\s*)$")]
    private static partial Regex Heading();
    [GeneratedRegex(@"^(?<mark>\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?|\s*>\s?)(?<text>.*)$")]
    private static partial Regex ListItem();
    [GeneratedRegex(@"^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$")]
    private static partial Regex TableRule();
    [GeneratedRegex(@"(?<before>\|?\s*)(?<text>[^|]*?)(?<after>\s*(?=\||$))")]
    private static partial Regex TableCell();
}
