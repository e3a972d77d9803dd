using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.PostingsHighlight;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The passage of a document that best shows why it matched, as HTML, from Lucene's postings
/// highlighter: the index keeps where each word of the snippet text stands (the passage field's
/// offsets), so a hit's matches are read from the index instead of analysing its whole text again.
/// The text is escaped and the matched words are wrapped in &lt;mark&gt;, so no stored markup ever
/// reaches the page. The window of <see cref="Length"/> characters that holds the most different
/// matched words is shown, the earliest of equals; a hit without a match in its text (found by its
/// title) shows the beginning of its text.
/// </summary>
public static partial class SearchSnippets
{
    public const int Length = 220;

    /// <summary>How much text goes before the first mark of a window, so a mark does not open the snippet.</summary>
    private const int Lead = 40;

    /// <summary>The text a snippet is cut from, and the text of the passage field: the summary and the
    /// text, white space (the line breaks of the plain text included) read as one space.</summary>
    public static string Text(string summary, string text) => Spaces().Replace(string.Join("\n\n", summary, text), " ").Trim();

    /// <summary>The snippets of the documents (their index numbers and snippet texts) for the words
    /// that <paramref name="marks"/> holds in the passage field; <paramref name="analyzer"/> is the
    /// documents' language, needed only when a prefix stands for too many words to list.</summary>
    public static string[] Build(IndexSearcher searcher, Query? marks, IReadOnlyList<(int Doc, string Text)> documents, Analyzer analyzer)
    {
        var snippets = new string[documents.Count];
        if (marks is null || documents.Count == 0)
        {
            for (var i = 0; i < documents.Count; i++) snippets[i] = Escaper.Escape(Beginning(documents[i].Text));
            return snippets;
        }
        var docs = documents.Select(d => d.Doc).ToArray();
        var highlighter = new PassageHighlighter(documents.ToDictionary(d => d.Doc, d => d.Text), analyzer);
        var found = highlighter.HighlightFields([SearchFields.Passage], marks, searcher, docs, [1])[SearchFields.Passage];
        for (var i = 0; i < documents.Count; i++)
            snippets[i] = found[i] is { Length: > 0 } marked ? marked : Escaper.Escape(Beginning(documents[i].Text));
        return snippets;
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

    /// <summary>Lucene's postings highlighter on the texts already loaded for the page, with the whole
    /// text as one passage: the window is chosen by <see cref="Window"/>, which sees every match.</summary>
    private sealed class PassageHighlighter(Dictionary<int, string> texts, Analyzer analyzer) : ICUPostingsHighlighter(int.MaxValue - 1)
    {
        protected override IList<string[]> LoadFieldValues(IndexSearcher searcher, string[] fields, int[] docids, int maxLength) =>
            fields.Select(_ => docids.Select(doc => texts[doc]).ToArray()).ToList();

        protected override BreakIterator GetBreakIterator(string field) => new WholeBreakIterator();

        protected override PassageFormatter GetFormatter(string field) => Window.Instance;

        // Only asked when the marks hold a prefix of too many words to list: then the text is analysed.
        protected override Analyzer GetIndexAnalyzer(string field) => analyzer;

        protected override Passage[] GetEmptyHighlight(string fieldName, BreakIterator bi, int maxPassages) => [];
    }

    /// <summary>Cuts the window of <see cref="Length"/> characters with the most different matched words
    /// (the earliest of equals) out of the whole-text passage, on word boundaries, escaped and marked.</summary>
    private sealed class Window : PassageFormatter
    {
        public static readonly Window Instance = new();

        public override object Format(Passage[] passages, string content)
        {
            if (passages is not [{ NumMatches: > 0 } passage]) return "";
            var starts = passage.MatchStarts;
            var ends = passage.MatchEnds;
            var count = passage.NumMatches;
            var terms = new string[count];
            for (var i = 0; i < count; i++) terms[i] = passage.MatchTerms[i].Utf8ToString();
            // Matches come in text order and do not overlap, so a window's matches are a run that only
            // moves right: one pass, counting how often each word is inside.
            var inside = new Dictionary<string, int>(StringComparer.Ordinal);
            var (left, right) = (0, 0);
            var (bestStart, bestWords) = (0, -1);
            for (var first = 0; first < count; first++)
            {
                var start = Math.Max(0, Math.Min(starts[first] - Lead, content.Length - Length));
                for (; left < count && starts[left] < start; left++)
                {
                    if (left < right && --inside[terms[left]] == 0) inside.Remove(terms[left]);
                }
                for (right = Math.Max(right, left); right < count && ends[right] <= start + Length; right++)
                    inside[terms[right]] = inside.GetValueOrDefault(terms[right]) + 1;
                if (inside.Count > bestWords) (bestStart, bestWords) = (start, inside.Count);
            }
            var (from, to) = WholeWords(content, bestStart, Math.Min(content.Length, bestStart + Length), starts, ends, count);

            var html = new StringBuilder(Length * 2);
            if (from > 0) html.Append("… ");
            var at = from;
            for (var i = 0; i < count; i++)
            {
                if (starts[i] < at || ends[i] > to) continue; // outside the window, or inside a mark already written
                html.Append(Escaper.Escape(content[at..starts[i]])).Append("<mark>")
                    .Append(Escaper.Escape(content[starts[i]..ends[i]])).Append("</mark>");
                at = ends[i];
            }
            html.Append(Escaper.Escape(content[at..to]));
            if (to < content.Length) html.Append(" …");
            return html.ToString();
        }

        /// <summary>The window moved inwards to whole words, never cutting a mark.</summary>
        private static (int From, int To) WholeWords(string content, int from, int to, IReadOnlyList<int> starts, IReadOnlyList<int> ends, int count)
        {
            if (from > 0 && content[from - 1] != ' ')
            {
                var space = content.IndexOf(' ', from, to - from);
                if (space >= 0) from = space + 1;
            }
            if (to < content.Length && content[to] != ' ')
            {
                var space = content.LastIndexOf(' ', to - 1, to - from);
                if (space > from) to = space;
            }
            for (var i = 0; i < count; i++)
            {
                // A mark the cut went through: at the start it is kept whole, at the end it is left out whole.
                if (starts[i] < from && ends[i] > from) from = starts[i];
                if (starts[i] < to && ends[i] > to && starts[i] > from) to = starts[i];
            }
            while (to > from && content[to - 1] == ' ') to--;
            return (from, to);
        }
    }

    /// <summary>Escapes markup characters only: Arabic or Ethiopic text stays readable and small.</summary>
    private static class Escaper
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public static string Escape(string text) => Encoder.Encode(text);
    }
}
