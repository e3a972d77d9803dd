using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.PostingsHighlight;
using Lucene.Net.Util;

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

    /// <summary>Where the character at <paramref name="place"/> of the text stands in the snippet text (<see cref="Text"/>);
    /// for a place on white space, where the next word stands.</summary>
    public static int PlaceInText(string summary, string text, int place) =>
        Text(summary, string.Concat(text.AsSpan(0, Math.Clamp(place, 0, text.Length)), "x")).Length - 1;

    /// <summary>A snippet as HTML, and where its first mark stands in the snippet text (-1 without a mark): the
    /// section of the text it is in.</summary>
    public readonly record struct Snippet(string Html, int MarkAt);

    /// <summary>The snippets of the documents (their index numbers and snippet texts as stored: UTF-8) for the
    /// words that <paramref name="marks"/> holds in the passage field; <paramref name="analyzer"/> is the
    /// documents' language, needed only when a prefix stands for too many words to list.</summary>
    public static Snippet[] Build(IndexSearcher searcher, Query? marks, IReadOnlyList<(int Doc, byte[] Text)> documents, Analyzer analyzer) =>
        Build(searcher, marks, documents, analyzer, highlighterOnly: false);

    /// <param name="highlighterOnly">Mark with Lucene's highlighter even when the marks are words: what the tests hold the offsets against.</param>
    internal static Snippet[] Build(IndexSearcher searcher, Query? marks, IReadOnlyList<(int Doc, byte[] Text)> documents, Analyzer analyzer, bool highlighterOnly)
    {
        var snippets = new Snippet[documents.Count];
        var words = marks is null ? null : MarkedWords(marks);
        if (marks is not null && documents.Count > 0 && (highlighterOnly || words is null))
        {
            // Only the highlighter needs the texts as strings.
            var found = Highlighted(searcher, marks, documents.Select(d => (d.Doc, Encoding.UTF8.GetString(d.Text))).ToList(), analyzer);
            for (var i = 0; i < documents.Count; i++) snippets[i] = found[i] is { } marked ? marked : Cut(documents[i].Text, null);
            return snippets;
        }
        var matches = words is null ? new List<Match>?[documents.Count] : FromOffsets(searcher, words, documents);
        for (var i = 0; i < documents.Count; i++) snippets[i] = Cut(documents[i].Text, matches[i]);
        return snippets;
    }

    /// <summary>A marked word's place in a text.</summary>
    private readonly record struct Match(int Start, int End, string Word);

    /// <summary>The snippet of a stored text around its matches (its beginning without any), decoded into a lent
    /// buffer: a page's ten texts as strings were a fifth of a search's allocations.</summary>
    private static Snippet Cut(byte[] utf8, List<Match>? matches)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        try
        {
            var text = buffer.AsSpan(0, Encoding.UTF8.GetChars(utf8, buffer));
            if (matches is null) return new Snippet(Beginning(text), -1);
            // In text order; one token per place, so two words never share a start.
            matches.Sort((a, b) => a.Start.CompareTo(b.Start));
            var starts = new int[matches.Count];
            var ends = new int[matches.Count];
            var words = new string[matches.Count];
            for (var i = 0; i < matches.Count; i++) (starts[i], ends[i], words[i]) = matches[i];
            return Window.Cut(text, starts, ends, words);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The marked words when the marks are words only; null when they hold a prefix or an ending of too many
    /// words to list, which only the highlighter's analysis of the texts can mark.</summary>
    private static BytesRef[]? MarkedWords(Query marks)
    {
        if (marks is not BooleanQuery any || any.Clauses.Any(c => c.Query is not TermQuery)) return null;
        return any.Clauses.Select(c => ((TermQuery)c.Query).Term.Bytes).Distinct().Order().ToArray();
    }

    /// <summary>The marked words' places in each text, read from the passage field's offsets as Lucene's postings
    /// highlighter reads them (the same matches, so the same snippets), with one word list and one reused postings
    /// reader per segment: the highlighter opened new ones per word, half of what a search allocated for its
    /// snippets. Null for a text without a match.</summary>
    private static List<Match>?[] FromOffsets(IndexSearcher searcher, BytesRef[] words, IReadOnlyList<(int Doc, byte[] Text)> documents)
    {
        var matches = new List<Match>?[documents.Count];
        var leaves = searcher.IndexReader.Leaves;
        foreach (var inSegment in Enumerable.Range(0, documents.Count).GroupBy(i => ReaderUtil.SubIndex(documents[i].Doc, leaves)))
        {
            var segment = leaves[inSegment.Key];
            var hits = inSegment.OrderBy(i => documents[i].Doc).ToArray();
            var lists = SegmentWordLists.Of(segment.AtomicReader);
            if (lists.Lend(segment.AtomicReader, SearchFields.Passage) is not { } list) continue;
            try
            {
                DocsAndPositionsEnum? places = null;
                foreach (var word in words)
                {
                    if (!list.SeekExact(word)) continue;
                    places = list.DocsAndPositions(null, places, DocsAndPositionsFlags.OFFSETS);
                    string? text = null;
                    foreach (var i in hits)
                    {
                        var doc = documents[i].Doc - segment.DocBase;
                        if (places!.DocID < doc && places.Advance(doc) == DocIdSetIterator.NO_MORE_DOCS) break;
                        if (places.DocID != doc) continue;
                        for (var n = places.Freq; n > 0; n--)
                        {
                            places.NextPosition();
                            (matches[i] ??= []).Add(new Match(places.StartOffset, places.EndOffset, text ??= word.Utf8ToString()));
                        }
                    }
                }
            }
            finally
            {
                lists.TakeBack(SearchFields.Passage, list);
            }
        }
        return matches;
    }

    /// <summary>The snippets from Lucene's postings highlighter, which analyses the texts for marks that are not words.</summary>
    private static Snippet?[] Highlighted(IndexSearcher searcher, Query marks, IReadOnlyList<(int Doc, string Text)> documents, Analyzer analyzer)
    {
        var highlighter = new PassageHighlighter(documents.ToDictionary(d => d.Doc, d => d.Text), analyzer);
        return highlighter.Snippets(marks, searcher, documents.Select(d => d.Doc).ToArray());
    }

    /// <summary>The text up to <see cref="Length"/> characters, cut after a whole word, escaped.</summary>
    private static string Beginning(ReadOnlySpan<char> text)
    {
        var html = new StringBuilder(Length * 2);
        if (text.Length <= Length) return Escaper.Append(html, text).ToString();
        var cut = text[..(Length + 1)].LastIndexOf(' ');
        return Escaper.Append(html, text[..(cut > 0 ? cut : Length)]).Append(" …").ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Lucene's postings highlighter on the texts already loaded for the page, with the whole
    /// text as one passage: the window is chosen by <see cref="Window"/>, which sees every match.</summary>
    private sealed class PassageHighlighter(Dictionary<int, string> texts, Analyzer analyzer) : ICUPostingsHighlighter(int.MaxValue - 1)
    {
        /// <summary>Each document's snippet, or null without a match in its text.</summary>
        public Snippet?[] Snippets(Query marks, IndexSearcher searcher, int[] docs) =>
            HighlightFieldsAsObjects([SearchFields.Passage], marks, searcher, docs, [1])[SearchFields.Passage].Select(s => (Snippet?)s).ToArray();

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

        public override object? Format(Passage[] passages, string content)
        {
            if (passages is not [{ NumMatches: > 0 } passage]) return null;
            var terms = new string[passage.NumMatches];
            for (var i = 0; i < terms.Length; i++) terms[i] = passage.MatchTerms[i].Utf8ToString();
            return Cut(content.AsSpan(), passage.MatchStarts, passage.MatchEnds, terms);
        }

        /// <param name="starts">Where each match starts, in text order (the arrays may be longer than <paramref name="terms"/>);
        /// a match beyond the text (one changed after it was indexed) never reaches the window.</param>
        /// <param name="terms">The word of each match.</param>
        public static Snippet Cut(ReadOnlySpan<char> content, IReadOnlyList<int> starts, IReadOnlyList<int> ends, string[] terms)
        {
            var count = terms.Length;
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
            var firstMark = -1;
            for (var i = 0; i < count; i++)
            {
                if (starts[i] < at || ends[i] > to) continue; // outside the window, or inside a mark already written
                if (firstMark < 0) firstMark = starts[i];
                // Two marks that touch are one ("24x24" is two tokens): written apart they showed as "24 x24". Past the
                // window's start, 'at' is always where the last mark closed.
                if (starts[i] == at && at > from) html.Length -= "</mark>".Length;
                else
                    Escaper.Append(html, content[at..starts[i]]).Append("<mark>");
                Escaper.Append(html, content[starts[i]..ends[i]]).Append("</mark>");
                at = ends[i];
            }
            Escaper.Append(html, content[at..to]);
            if (to < content.Length) html.Append(" …");
            return new Snippet(html.ToString(), firstMark);
        }

        /// <summary>The window moved inwards to whole words, never cutting a mark.</summary>
        private static (int From, int To) WholeWords(ReadOnlySpan<char> content, int from, int to, IReadOnlyList<int> starts, IReadOnlyList<int> ends, int count)
        {
            if (from > 0 && content[from - 1] != ' ')
            {
                var space = content[from..to].IndexOf(' ');
                if (space >= 0) from += space + 1;
            }
            if (to < content.Length && content[to] != ' ')
            {
                var space = content[from..to].LastIndexOf(' ');
                if (space > 0) to = from + space;
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

        /// <summary>Appends the text escaped, through a small buffer (a text read into a lent buffer has no string).</summary>
        public static StringBuilder Append(StringBuilder html, ReadOnlySpan<char> text)
        {
            Span<char> escaped = stackalloc char[256];
            while (true)
            {
                var status = Encoder.Encode(text, escaped, out var read, out var written);
                html.Append(escaped[..written]);
                text = text[read..];
                if (status != OperationStatus.DestinationTooSmall) return html;
            }
        }
    }
}
