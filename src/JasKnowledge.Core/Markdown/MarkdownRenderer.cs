using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JasKnowledge.Core.Markdown;

/// <summary>A Markdown text as plain text, with its headings and where each starts in <see cref="Text"/>.</summary>
public sealed record MarkdownPlainText(string Text, IReadOnlyList<(MarkdownHeading Heading, int Start)> Headings);

/// <summary>The one Markdown pipeline of the portal: public pages, previews and PDFs all render
/// through it. Raw HTML is not rendered, links may only point to safe places, and the result passes
/// <see cref="SafeHtml"/> as a second layer.</summary>
public static partial class MarkdownRenderer
{
    /// <summary>The one pipeline, also for reading Markdown apart (the XLIFF units), so every reader parses it alike.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseListExtras()
        .UseEmphasisExtras()
        .Build();

    /// <param name="idPrefix">Prefixes heading anchors, so several texts can share one page (the
    /// printable handbook) without two headings called "doelen".</param>
    /// <param name="headingOffset">Moves headings down (## becomes h3 with 1), for a text shown under
    /// a heading of its own.</param>
    public static string ToHtml(string markdown, string? idPrefix = null, int headingOffset = 0)
    {
        try
        {
            return Render(markdown, idPrefix, headingOffset);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit (lists, quotes or brackets nested 64 or more deep). The rules refuse such a text when it is saved
            // (NestingProblem); one kept from before still shows, as its words, rather than failing the page for every reader.
            return string.Join("", (markdown ?? "").Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p.Trim())}</p>"));
        }
    }

    /// <summary>Why Markdig cannot render <paramref name="markdown"/> (elements nested beyond its depth limit: a pasted document
    /// with lists indented 64 deep, 128 unclosed brackets), in the editors' words; null when it can.</summary>
    public static string? NestingProblem(string? markdown)
    {
        try
        {
            Render(markdown ?? "", null, 0);
            PlainText(markdown ?? "");
            return null;
        }
        catch (ArgumentException)
        {
            return "Tekst: de opmaak is te diep genest (lijsten, citaten of haken die tientallen keren in elkaar staan). "
                + "Maak de tekst platter; er is niets opgeslagen.";
        }
    }

    private static string Render(string markdown, string? idPrefix, int headingOffset)
    {
        var document = Parse(markdown);
        string? lastHeadingId = null;
        foreach (var block in document.Descendants())
        {
            if (block is HeadingBlock heading)
            {
                heading.Level = Math.Min(6, heading.Level + headingOffset);
                var attributes = heading.GetAttributes();
                if (!string.IsNullOrEmpty(idPrefix) && attributes.Id is { } id) attributes.Id = idPrefix + id;
                lastHeadingId = attributes.Id;
            }
            else if (block is Table table && lastHeadingId is not null)
            {
                table.GetAttributes().AddProperty(TableLabelAttribute, lastHeadingId);
            }
        }
        // Dutch terms in Arabic, Farsi, Dari, Tigrinya or Ukrainian text are marked here, for every text
        // and every translator alike, rather than with markup each translator would have to write
        // (see LatinRuns for the reasons and the limits).
        if (LatinRuns.IsMostlyNonLatin(markdown)) IsolateLatinRuns(document);
        // Public pages are output-cached, so this runs once per publication and language, not per visit.
        return SafeHtml.Sanitize(WrapTables(Markdig.Markdown.ToHtml(document, Pipeline)));
    }

    private const string TableLabelAttribute = "data-jas-region-label";

    /// <summary>Each table in a container that scrolls sideways on a narrow screen instead of widening
    /// the page; the container can take keyboard focus (to scroll) and is named by the heading above
    /// the table. Raw HTML is not rendered, so every &lt;table&gt; in the output is one of Markdig's.</summary>
    private static string WrapTables(string html) =>
        TableStart().Replace(html, m => m.Groups["label"].Success
                ? $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{m.Groups["label"].Value}\"><table>"
                : "<div class=\"table-scroll\"><table>")
            .Replace("</table>", "</table></div>", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("<table(?: " + TableLabelAttribute + "=\"(?<label>[^\"]*)\")?>")]
    private static partial System.Text.RegularExpressions.Regex TableStart();

    /// <summary>Replaces each literal that holds Latin runs by the literal pieces with each run inside
    /// &lt;span lang="nl" dir="ltr"&gt;. Code is left as written.</summary>
    private static void IsolateLatinRuns(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            var text = literal.Content.ToString();
            var runs = LatinRuns.Find(text);
            if (runs.Count == 0) continue;
            var pieces = new List<Inline>();
            var at = 0;
            foreach (var (start, length) in runs)
            {
                if (start > at) pieces.Add(new LiteralInline(text[at..start]));
                pieces.Add(new HtmlInline(LatinRuns.OpenTag));
                pieces.Add(new LiteralInline(text.Substring(start, length)));
                pieces.Add(new HtmlInline(LatinRuns.CloseTag));
                at = start + length;
            }
            if (at < text.Length) pieces.Add(new LiteralInline(text[at..]));
            Inline previous = literal;
            foreach (var piece in pieces)
            {
                previous.InsertAfter(piece);
                previous = piece;
            }
            literal.Remove();
        }
    }

    /// <summary>The words of the text without markup (for search and snippets), and where each heading of
    /// levels 1 to 3 outside lists and quotes starts in them, so that a search hit can lead to its section.
    /// The text is what Markdig's plain-text rendering gives; the blocks are rendered one by one only to note
    /// those places.</summary>
    public static MarkdownPlainText ToPlainText(string markdown)
    {
        try
        {
            return PlainText(markdown);
        }
        catch (ArgumentException)
        {
            return new MarkdownPlainText(markdown ?? "", []); // too deeply nested to read apart: its words, for search (see ToHtml)
        }
    }

    private static MarkdownPlainText PlainText(string markdown)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        var headings = new List<(MarkdownHeading, int)>();
        foreach (var block in Markdig.Markdown.Parse(markdown ?? "", Pipeline))
        {
            if (block is HeadingBlock { Level: <= 3 } heading && MarkdownOutline.ToHeading(heading) is { Id.Length: > 0 } found)
            {
                writer.Flush();
                headings.Add((found, writer.GetStringBuilder().Length));
            }
            renderer.Render(block);
        }
        writer.Flush();
        return new MarkdownPlainText(writer.ToString(), headings);
    }

    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        // Markdig keeps javascript:, data: and vbscript: targets; a link is only rendered with a target
        // a visitor can safely follow.
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url)) autolink.Url = "#";
        }
        return document;
    }

    /// <summary>Relative URLs, fragments and http(s)/mailto/tel only.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in a path or query, not a scheme
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }
}
