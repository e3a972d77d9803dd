using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace JasKnowledge.Core.Markdown;

/// <summary>
/// Dutch terms kept in Latin script inside text in another script ("التأمين الصحي (zorgverzekering)",
/// "ትግርኛ ... (Het Gesprek)"): each run of Latin words is marked as Dutch and isolated from the
/// surrounding direction, as <c>&lt;span lang="nl" dir="ltr"&gt;</c>. A screen reader then reads it
/// with a Dutch voice, and in right-to-left text the run and its brackets stay together and in the
/// right order instead of breaking across lines in the wrong place.
/// <para>
/// This is done when rendering, not by markup in the content: translators need not learn an attribute
/// syntax and cannot forget it, and it applies to every text, including future ones and the PDFs
/// (printed from the rendered HTML). The price is a heuristic: a Latin run in a text that is mostly in
/// another script is taken to be Dutch (the portal's material keeps Dutch terms; a brand such as
/// "WhatsApp" is read in a Dutch voice too). Texts in a Latin-script language (English, Somali) are
/// left alone: there the script does not tell a Dutch term from the language itself.
/// </para>
/// </summary>
public static class LatinRuns
{
    public const string OpenTag = "<span lang=\"nl\" dir=\"ltr\">";
    public const string CloseTag = "</span>";

    // Encodes what HTML needs (<, >, &, quotes) and leaves every script as it is.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>True when most letters of the text are in a script other than Latin.</summary>
    public static bool IsMostlyNonLatin(string? text)
    {
        int latin = 0, other = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            if (IsLatinLetter(rune.Value)) latin++; else other++;
        }
        return other > latin;
    }

    /// <summary>
    /// The runs of Latin words in the text, as (start, length): from the first Latin letter (with
    /// digits written against it, "24x24") through words joined by spaces, hyphens, en dashes, apostrophes,
    /// dots or slashes, to the last Latin letter or digit. A run that fills a pair of brackets takes the
    /// brackets along. Runs of fewer than two letters are left alone.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string text)
    {
        var runs = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLatinLetter(text[i])) { i++; continue; }
            var start = i;
            while (start > 0 && char.IsAsciiDigit(text[start - 1])) start--;
            var end = i;                     // exclusive end of the run so far
            var letters = 0;
            var j = i;
            while (j < text.Length)
            {
                var c = text[j];
                if (IsLatinLetter(c)) { letters++; j++; end = j; continue; }
                if (char.IsAsciiDigit(c)) { j++; end = j; continue; }
                // A joiner or space continues the run only when a Latin letter or digit follows it.
                // The en dash of a span of years ("JAS 2016–2019"), which in right-to-left text came out as "2019–… 2016".
                if (c is ' ' or '-' or '–' or '\'' or '’' or '.' or '/' or '&' && j + 1 < text.Length
                    && (IsLatinLetter(text[j + 1]) || char.IsAsciiDigit(text[j + 1])))
                {
                    j++;
                    continue;
                }
                break;
            }
            if (letters >= 2)
            {
                if (start > 0 && text[start - 1] == '(' && end < text.Length && text[end] == ')') { start--; end++; }
                runs.Add((start, end - start));
            }
            i = Math.Max(end, i + 1);
        }
        return runs;
    }

    /// <summary>The text as HTML (encoded), its Latin runs marked as Dutch and isolated.</summary>
    public static string ToHtml(string? text)
    {
        text ??= "";
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (start, length) in Find(text))
        {
            html.Append(Encoder.Encode(text[at..start])).Append(OpenTag)
                .Append(Encoder.Encode(text.Substring(start, length))).Append(CloseTag);
            at = start + length;
        }
        return html.Append(Encoder.Encode(text[at..])).ToString();
    }

    /// <summary>A text shown in a language of the given ISO 15924 script: with its Latin runs marked
    /// when that script is not Latin, else only encoded.</summary>
    public static string ToHtml(string? text, string script) =>
        string.Equals(script, "Latn", StringComparison.OrdinalIgnoreCase) ? Encoder.Encode(text ?? "") : ToHtml(text);

    /// <summary>
    /// A search snippet (escaped text whose only markup is &lt;mark&gt;) in a language of the given script, with its Latin runs
    /// marked as Dutch and isolated as <see cref="ToHtml(string?)"/> does, the marks kept inside them: a snippet had lost the
    /// isolation its page gives, and "de trainer: الشخص" came out as ": de trainer" (review on a phone, 7 December).
    /// </summary>
    public static string MarkedToHtml(string markedHtml, string script)
    {
        if (string.Equals(script, "Latn", StringComparison.OrdinalIgnoreCase)) return markedHtml;
        // The plain text, and where its marks begin and end.
        var text = new StringBuilder(markedHtml.Length);
        var marks = new List<(int Start, int End)>();
        var open = -1;
        var at = 0;
        while (at < markedHtml.Length)
        {
            var tag = markedHtml.IndexOf('<', at);
            var end = tag < 0 ? markedHtml.Length : tag;
            text.Append(System.Net.WebUtility.HtmlDecode(markedHtml[at..end]));
            if (tag < 0) break;
            if (string.CompareOrdinal(markedHtml, tag, "<mark>", 0, 6) == 0) { open = text.Length; at = tag + 6; }
            else if (string.CompareOrdinal(markedHtml, tag, "</mark>", 0, 7) == 0)
            {
                if (open >= 0) marks.Add((open, text.Length));
                open = -1;
                at = tag + 7;
            }
            else return markedHtml;   // markup this was not made for: left as it came
        }
        var plain = text.ToString();
        var runs = Find(plain).Select(r => (Start: r.Start, End: r.Start + r.Length)).ToList();
        var cuts = new SortedSet<int> { 0, plain.Length };
        foreach (var (start, stop) in marks.Concat(runs)) { cuts.Add(start); cuts.Add(stop); }

        var html = new StringBuilder(markedHtml.Length + 64);
        int? spanRun = null;
        var markOpen = false;
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            int? run = runs.FindIndex(r => r.Start <= from && from < r.End) is var found and >= 0 ? found : null;
            var inMark = marks.Any(m => m.Start <= from && from < m.End);
            if (markOpen && (!inMark || run != spanRun)) { html.Append("</mark>"); markOpen = false; }
            if (spanRun is not null && run != spanRun) { html.Append(CloseTag); spanRun = null; }
            if (spanRun is null && run is not null) { html.Append(OpenTag); spanRun = run; }
            if (!markOpen && inMark) { html.Append("<mark>"); markOpen = true; }
            html.Append(Encoder.Encode(plain[from..to]));
        }
        if (markOpen) html.Append("</mark>");
        if (spanRun is not null) html.Append(CloseTag);
        return html.ToString();
    }

    private static bool IsLatinLetter(int c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
        || (c is >= 0xC0 and <= 0x24F && c != 0xD7 && c != 0xF7)   // Latin-1 letters and Latin Extended-A/B (é, ë, ĳ)
        || c is >= 0x1E00 and <= 0x1EFF;                           // Latin Extended Additional
}
