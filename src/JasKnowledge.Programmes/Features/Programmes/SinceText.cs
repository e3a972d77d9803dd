using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>"Since" as a reader says it: "2015-10" is shown as "oktober 2015" and "2016-01-04" as "4 januari 2016",
/// in a &lt;time&gt; that keeps the value as written (a year alone stays a year).</summary>
public static class SinceText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IHtmlContent Html(string? since)
    {
        if (string.IsNullOrEmpty(since)) return HtmlString.Empty;
        var shown = DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("d MMMM yyyy", Dutch)
            : DateOnly.TryParseExact(since, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                ? month.ToString("MMMM yyyy", Dutch)
                : since;
        var content = new HtmlContentBuilder();
        content.AppendHtml("<time datetime=\"").Append(since).AppendHtml("\">").Append(shown).AppendHtml("</time>");
        return content;
    }
}
