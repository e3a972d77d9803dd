namespace JasKnowledge.Core.Content;

/// <summary>A part of a Markdown text under one heading; the text before the first heading has none.</summary>
public sealed record TextSection(string? Heading, string Text);

/// <summary>A section whose text differs between two versions: <paramref name="Before"/> is empty for a
/// new section, <paramref name="After"/> for a removed one. <paramref name="BeforeIndex"/> is the
/// section's place in the older text (-1 when new), so the matching part of a translation made from
/// that text can be shown beside it.</summary>
public sealed record SectionChange(string? Heading, string Before, string After, int BeforeIndex);

/// <summary>
/// Which sections of a text changed between two versions, so that translators re-check those and
/// readers of an older translation know which parts differ. Sections are matched by their heading;
/// whitespace changes do not count as changes.
/// </summary>
public static class TextSections
{
    public static IReadOnlyList<TextSection> Of(string body)
    {
        var sections = new List<TextSection>();
        string? heading = null;
        var lines = new List<string>();
        var inFence = false;
        foreach (var line in body.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && HeadingText(line) is { } next)
            {
                Add();
                heading = next;
                lines.Clear();
                continue;
            }
            lines.Add(line);
        }
        Add();
        return sections;

        void Add()
        {
            var text = string.Join('\n', lines).Trim();
            if (heading is not null || text.Length > 0) sections.Add(new TextSection(heading, text));
        }
    }

    public static IReadOnlyList<SectionChange> Changed(string before, string after)
    {
        var old = Of(before);
        var used = new bool[old.Count];
        var changes = new List<SectionChange>();
        foreach (var section in Of(after))
        {
            var match = Enumerable.Range(0, old.Count).FirstOrDefault(i => !used[i] && old[i].Heading == section.Heading, -1);
            if (match < 0)
            {
                changes.Add(new SectionChange(section.Heading, "", section.Text, -1));
                continue;
            }
            used[match] = true;
            if (Normal(old[match].Text) != Normal(section.Text))
                changes.Add(new SectionChange(section.Heading, old[match].Text, section.Text, match));
        }
        for (var i = 0; i < old.Count; i++)
            if (!used[i]) changes.Add(new SectionChange(old[i].Heading, old[i].Text, "", i));
        return changes;
    }

    /// <summary>The text of an ATX heading line ("## Wat je krijgt" → "Wat je krijgt"), or null.</summary>
    private static string? HeadingText(string line)
    {
        if (line.Length == 0 || line[0] != '#') return null;
        var level = line.TakeWhile(c => c == '#').Count();
        if (level > 6 || (line.Length > level && line[level] != ' ')) return null;
        return line[level..].Trim().TrimEnd('#').Trim();
    }

    private static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
