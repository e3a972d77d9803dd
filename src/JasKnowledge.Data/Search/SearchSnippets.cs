using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The passage of a document that best shows why it matched, as HTML, from Lucene's highlighter: the
/// text is escaped and the matched words are wrapped in &lt;mark&gt;, so no stored markup ever
/// reaches the page. A document found by its title alone shows the beginning of its text.
/// </summary>
public static partial class SearchSnippets
{
    public const int Length = 220;

    /// <summary>The text a snippet is cut from: the summary and the text, white space (the line breaks
    /// of the plain text included) read as one space.</summary>
    public static string Text(string summary, string text) => Spaces().Replace(string.Join("\n\n", summary, text), " ").Trim();

    public static string Build(string text, string culture, Query? query)
    {
        if (text.Length == 0) return "";
        if (query is not null)
        {
            var scorer = new QueryScorer(query, SearchFields.Body);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new Escaper(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, Length),
            };
            using var stream = SearchAnalyzers.For(culture).GetTokenStream(SearchFields.Body, text);
            var best = highlighter.GetBestTextFragments(stream, text, mergeContiguousFragments: false, maxNumFragments: 1)
                .FirstOrDefault(f => f is not null && f.Score > 0);
            if (best is not null)
            {
                var fragment = best.ToString().Trim();
                var plain = System.Net.WebUtility.HtmlDecode(
                    fragment.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
                return (text.StartsWith(plain, StringComparison.Ordinal) ? "" : "… ") + fragment
                    + (text.EndsWith(plain, StringComparison.Ordinal) ? "" : " …");
            }
        }
        return Escaper.Escape(Beginning(text));
    }

    /// <summary>The text up to <see cref="Length"/> characters, cut after a whole word.</summary>
    private static string Beginning(string text)
    {
        if (text.Length <= Length) return text;
        var cut = text.LastIndexOf(' ', Length);
        return text[..(cut > 0 ? cut : Length)] + " …";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Escapes markup characters only: Arabic or Ethiopic text stays readable and small.</summary>
    private sealed class Escaper : IEncoder
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public static string Escape(string text) => Encoder.Encode(text);

        public string EncodeText(string originalText) => Encoder.Encode(originalText);
    }
}
