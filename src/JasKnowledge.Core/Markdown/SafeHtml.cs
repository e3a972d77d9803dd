using Ganss.Xss;

namespace JasKnowledge.Core.Markdown;

/// <summary>The second layer wherever the portal emits HTML without encoding it (rendered Markdown,
/// search snippets): whatever slipped past the first layer (Markdig without raw HTML, the link filter),
/// this keeps only harmless markup. No style attribute, no event handlers, links to http(s), mailto,
/// tel and relative addresses only.</summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The HTML with everything not allowed removed. Thread-safe: one configured sanitizer serves all.</summary>
    public static string Sanitize(string html) =>
        string.IsNullOrEmpty(html) ? "" : IsTextWithMarks(html) ? html : Sanitizer.Sanitize(html);

    /// <summary>Text whose only tags are &lt;mark&gt; and &lt;/mark&gt; (a search snippet) holds no markup that
    /// could do harm, so it is not parsed: parsing ten snippets took as long as the rest of a remembered search.</summary>
    public static bool IsTextWithMarks(string html)
    {
        var rest = html.AsSpan();
        for (var at = rest.IndexOfAny('<', '>'); at >= 0; at = rest.IndexOfAny('<', '>'))
        {
            rest = rest[at..];
            var tag = rest.StartsWith("<mark>") ? "<mark>".Length : rest.StartsWith("</mark>") ? "</mark>".Length : 0;
            if (tag == 0) return false;
            rest = rest[tag..];
        }
        return true;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // HtmlSanitizer allows inline CSS by default: a style can overlay the page or hide a warning.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        // What the renderer itself writes: heading anchors, language runs, the scrollable table region.
        foreach (var attribute in new[] { "id", "lang", "dir", "class", "role", "tabindex", "aria-labelledby" })
            sanitizer.AllowedAttributes.Add(attribute);
        // Forms are not content, and a form's action is a URL the scheme list does not cover.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "fieldset", "legend", "label" })
            sanitizer.AllowedTags.Remove(tag);
        return sanitizer;
    }
}
