using System.Text;
using System.Text.RegularExpressions;

namespace JasKnowledge.Web.Features.Translations;

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
    private readonly List<string> _indents = [];

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
                // An item's wrapped lines belong to it: one sentence is one unit, however the Dutch text was wrapped.
                var text = new StringBuilder(item.Groups["text"].Value);
                var mark = item.Groups["mark"].Value;
                // A translation may wrap where the Dutch did not: its lines go under the item's text (a quote's under its ">").
                var indent = i + 1 < lines.Length && Continues(lines[i + 1]) ? Indentation(lines[i + 1])
                    : mark.TrimEnd().EndsWith('>') ? mark : new string(' ', mark.Length);
                while (i + 1 < lines.Length && Continues(lines[i + 1]))
                {
                    var next = lines[++i];
                    text.Append('\n').Append(next.StartsWith(indent, StringComparison.Ordinal) ? next[indent.Length..] : next.TrimStart());
                }
                structure.Append(mark);
                if (text.Length > 0) result.Add(structure, text.ToString(), "list-item", section, indent);
                structure.Append(i < lines.Length - 1 ? "\n" : "");
            }
            else
            {
                // A paragraph: its following lines up to a blank line or another block belong to it.
                var text = new StringBuilder(line);
                while (i + 1 < lines.Length && Continues(lines[i + 1]))
                {
                    text.Append('\n').Append(lines[++i]);
                }
                // Link definitions ([naam]: adres) are addresses, not text to translate: they stay as they are, as code does.
                if (OnlyLinkDefinitions(text.ToString())) structure.Append(text).Append(i < lines.Length - 1 ? "\n" : "");
                else Add("", text.ToString(), "paragraph", i < lines.Length - 1 ? "\n" : "");
            }
        }
        result._structure.Add(structure.ToString());
        return result;

        // A line that carries on the block above it rather than starting one of its own.
        static bool Continues(string line) => line.Trim().Length > 0 && !Fence().IsMatch(line) && !Heading().IsMatch(line)
            && !ListItem().IsMatch(line) && !line.TrimStart().StartsWith('|');

        static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];

        void Add(string mark, string text, string kind, string after)
        {
            structure.Append(mark);
            if (text.Length > 0) result.Add(structure, text, kind, section);
            structure.Append(after);
        }
    }

    private static bool OnlyLinkDefinitions(string text) =>
        text.TrimStart().StartsWith('[')
        && Markdig.Markdown.Parse(text, JasKnowledge.Core.Markdown.MarkdownRenderer.Pipeline) is { Count: > 0 } blocks
        && blocks.All(block => block is Markdig.Syntax.LinkReferenceDefinitionGroup);

    /// <param name="indent">What a list item's wrapped lines start with: kept out of the unit, put back by <see cref="Join"/>.</param>
    private void Add(StringBuilder structure, string text, string kind, string? section, string indent = "")
    {
        _structure.Add(structure.ToString());
        structure.Clear();
        _units.Add(new TextUnit(text, kind, section));
        _indents.Add(indent);
    }

    /// <summary>The text with each unit replaced by its translation, in order.</summary>
    public string Join(IReadOnlyList<string> translations)
    {
        if (translations.Count != _units.Count)
            throw new ArgumentException($"Expected {_units.Count} translations, got {translations.Count}.", nameof(translations));
        var text = new StringBuilder();
        for (var i = 0; i < _units.Count; i++)
            text.Append(_structure[i]).Append(_indents[i].Length == 0 ? translations[i] : translations[i].Replace("\n", "\n" + _indents[i], StringComparison.Ordinal));
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
