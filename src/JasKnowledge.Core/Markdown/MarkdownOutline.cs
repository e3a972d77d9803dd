using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace JasKnowledge.Core.Markdown;

/// <summary>A heading of a Markdown text with the anchor the renderer gives it.</summary>
public sealed record MarkdownHeading(int Level, string Text, string Id);

/// <summary>Part of a Markdown text that starts at a level-2 heading (or the text before the first).</summary>
public sealed record MarkdownSection(MarkdownHeading? Heading, string Markdown);

/// <summary>The structure of a Markdown text: its headings (for in-page contents) and its level-2
/// sections (for views that show only some of them). Anchors come from the same pipeline as the
/// HTML, so a link to #doelen always lands on the heading.</summary>
public static class MarkdownOutline
{
    public static IReadOnlyList<MarkdownHeading> Headings(string markdown, int maxLevel = 3) =>
        MarkdownRenderer.Parse(markdown).Descendants<HeadingBlock>()
            .Where(h => h.Level <= maxLevel)
            .Select(ToHeading)
            .ToList();

    public static IReadOnlyList<MarkdownSection> Sections(string markdown)
    {
        markdown ??= "";
        var starts = MarkdownRenderer.Parse(markdown)
            .OfType<HeadingBlock>()
            .Where(h => h.Level == 2)
            .ToList();
        var sections = new List<MarkdownSection>();
        var firstStart = starts.Count > 0 ? starts[0].Span.Start : markdown.Length;
        if (!string.IsNullOrWhiteSpace(markdown[..firstStart]))
            sections.Add(new MarkdownSection(null, markdown[..firstStart].Trim()));
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Span.Start : markdown.Length;
            sections.Add(new MarkdownSection(ToHeading(starts[i]), markdown[starts[i].Span.Start..end].Trim()));
        }
        return sections;
    }

    /// <summary>Words of running text, without Markdown punctuation such as table pipes and bullets.</summary>
    public static int WordCount(string markdown) =>
        (markdown ?? "").Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Count(token => token.Any(char.IsLetterOrDigit));

    internal static MarkdownHeading ToHeading(HeadingBlock heading)
    {
        var text = heading.Inline is null ? ""
            : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
        return new MarkdownHeading(heading.Level, text, heading.GetAttributes().Id ?? "");
    }
}
