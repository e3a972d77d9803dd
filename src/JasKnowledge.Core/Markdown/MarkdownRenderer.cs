using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JasKnowledge.Core.Markdown;

/// <summary>The one Markdown pipeline of the portal: public pages, previews and PDFs all render
/// through it. Raw HTML is not rendered, and links may only point to safe places.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
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
        var document = Parse(markdown);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + headingOffset);
            var attributes = heading.GetAttributes();
            if (!string.IsNullOrEmpty(idPrefix) && attributes.Id is { } id) attributes.Id = idPrefix + id;
        }
        return Markdig.Markdown.ToHtml(document, Pipeline);
    }

    /// <summary>The words of the text without markup (for search and snippets).</summary>
    public static string ToPlainText(string markdown) => Markdig.Markdown.ToPlainText(markdown ?? "", Pipeline);

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
