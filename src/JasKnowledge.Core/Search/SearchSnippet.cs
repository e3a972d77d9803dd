using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace JasKnowledge.Core.Search;

/// <summary>
/// The passage of a document that best shows why it matched, as HTML: the text is escaped and the
/// matched words are wrapped in &lt;mark&gt;. Made here from the stored plain text, not by the
/// database, so both databases give the same snippet and no stored markup ever reaches the page.
/// </summary>
public static class SearchSnippet
{
    public const int Words = 30;

    /// <summary>Escapes markup characters only: Arabic or Ethiopic text stays readable and small.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Build(string text, SearchQuery query, string culture)
    {
        var tokens = TextAnalyzer.Tokenize(text).ToList();
        if (tokens.Count == 0) return "";
        var matched = tokens.Select(t => Matches(t.Folded, query, culture)).ToArray();

        // The window of words with the most matches; the first such window wins.
        var best = 0;
        var bestCount = -1;
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (matched[i]) count++;
            if (i >= Words && matched[i - Words]) count--;
            var start = Math.Max(0, i - Words + 1);
            if (count > bestCount) { bestCount = count; best = start; }
        }
        // Start a few words before the first match in the window, for context.
        var firstMatch = Array.IndexOf(matched, true, best);
        if (firstMatch >= 0 && firstMatch - best > 5) best = Math.Max(0, firstMatch - 5);
        var last = Math.Min(tokens.Count, best + Words) - 1;

        var html = new StringBuilder();
        if (best > 0) html.Append("… ");
        var position = tokens[best].Start;
        for (var i = best; i <= last; i++)
        {
            var token = tokens[i];
            html.Append(Escape(text[position..token.Start]));
            var word = Escape(text.Substring(token.Start, token.Length));
            html.Append(matched[i] ? $"<mark>{word}</mark>" : word);
            position = token.Start + token.Length;
        }
        // The punctuation after the last word ("…gesprek.").
        var end = last < tokens.Count - 1 ? tokens[last + 1].Start : text.Length;
        html.Append(Escape(text[position..end].TrimEnd()));
        if (last < tokens.Count - 1) html.Append(" …");
        return html.ToString();
    }

    /// <summary>Whether a word of a document in this language is one the query asked for.</summary>
    public static bool Matches(string folded, SearchQuery query, string culture)
    {
        var stem = TextAnalyzer.Stem(folded, culture);
        foreach (var clause in query.Included)
        {
            if (clause.CompoundPart is { } part && stem.Length > part.Length && stem.EndsWith(part, StringComparison.Ordinal)) return true;
            foreach (var alternative in clause.Alternatives)
            {
                for (var i = 0; i < alternative.Terms.Count; i++)
                {
                    var term = alternative.Terms[i];
                    var prefix = alternative.LastIsPrefix && i == alternative.Terms.Count - 1;
                    if (prefix ? stem.StartsWith(term, StringComparison.Ordinal) || folded.StartsWith(term, StringComparison.Ordinal) : stem == term)
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>White space (line breaks of the plain text included) is shown as one space.</summary>
    private static string Escape(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length == 0 && text.Length > 0) collapsed = " ";
        else if (text.Length > 0 && char.IsWhiteSpace(text[0])) collapsed = " " + collapsed;
        if (text.Length > 0 && char.IsWhiteSpace(text[^1]) && !collapsed.EndsWith(' ')) collapsed += " ";
        return Encoder.Encode(collapsed);
    }
}
