using JasKnowledge.Core.Content;
using Microsoft.AspNetCore.Html;

namespace JasKnowledge.Web.Features.Pages;

/// <summary>What a screen reader says around a change, in the reader's language (the compared text
/// may be in another one).</summary>
public sealed record WordDiffLabels(string AddedStart, string AddedEnd, string RemovedStart, string RemovedEnd, string Language, string Direction);

/// <summary>
/// A word-level comparison as HTML: kept text as it is, taken-out text in &lt;del&gt;, put-in text in
/// &lt;ins&gt;, each change opened and closed by visually hidden words so that it is not told by colour
/// or line style alone. Every piece of text is HTML-encoded here; the only markup is the fixed tags, so
/// no sanitizer is needed. The block keeps line breaks and wraps long words (CSS .word-diff).
/// </summary>
public static class WordDiffHtml
{
    public static IHtmlContent Render(IReadOnlyList<WordRun> runs, string textLanguage, string textDirection, WordDiffLabels labels)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"word-diff\" lang=\"").Append(textLanguage)
            .AppendHtml("\" dir=\"").Append(textDirection).AppendHtml("\">");
        foreach (var run in runs)
        {
            switch (run.Change)
            {
                case LineChange.Same:
                    html.Append(run.Text);
                    break;
                case LineChange.Added:
                    Change(html, "ins", run.Text, labels.AddedStart, labels.AddedEnd, labels);
                    break;
                case LineChange.Removed:
                    Change(html, "del", run.Text, labels.RemovedStart, labels.RemovedEnd, labels);
                    break;
            }
        }
        return html.AppendHtml("</div>");
    }

    private static void Change(HtmlContentBuilder html, string tag, string text, string start, string end, WordDiffLabels labels)
    {
        html.AppendHtml($"<{tag}>");
        Hidden(html, $"[{start}] ", labels);
        html.Append(text);
        Hidden(html, $" [{end}]", labels);
        html.AppendHtml($"</{tag}>");
    }

    private static void Hidden(HtmlContentBuilder html, string text, WordDiffLabels labels) =>
        html.AppendHtml("<span class=\"visually-hidden\" lang=\"").Append(labels.Language)
            .AppendHtml("\" dir=\"").Append(labels.Direction).AppendHtml("\">").Append(text).AppendHtml("</span>");
}
