using JasKnowledge.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Typo tolerance from the index's own words: a typed word that matches nothing (not as written, not
/// stemmed in any language, not as a compound part) is also searched as the closest words of the
/// index — one edit away for words of 4 to 7 letters, two from 8 letters, never for shorter words.
/// The words come from the exact field (folded, not stemmed), so they read as the visitor would
/// write them ("ook gezocht op: gesprek"). The same walk with two edits for every word of 4 letters
/// or more gives the "Bedoelde u …?" suggestion when a query finds nothing.
/// </summary>
internal sealed class SearchCorrections
{
    public const int MinLetters = 4;
    /// <summary>Longer "words" are not typos of a word but something pasted.</summary>
    public const int MaxLetters = 40;
    private const int PerWord = 2;
    /// <summary>A query with more unknown words than this is not a typo either: the rest stay as typed.</summary>
    private const int MaxWords = 4;

    private readonly Dictionary<string, IReadOnlyList<string>> _byWord = new(StringComparer.Ordinal);

    private SearchCorrections() { }

    public static readonly SearchCorrections None = new();

    /// <summary>The corrections of every single word of the query that has no match in the index.</summary>
    public static SearchCorrections For(IndexWords words, SearchQuery query, IReadOnlyList<string> cultures, bool wide = false)
    {
        var corrections = new SearchCorrections();
        var exactTerms = words.Terms(SearchFields.Exact);
        if (exactTerms is null) return corrections;
        foreach (var clause in query.Included.Where(c => !c.IsPhrase && !c.LastIsPrefix))
        {
            var word = clause.Words[0];
            if (corrections._byWord.ContainsKey(word)) continue;
            var folded = LuceneQuery.Terms(SearchAnalyzers.For("und"), SearchFields.Exact, word);
            if (folded.Count != 1 || folded[0].Length is < MinLetters or > MaxLetters) continue;
            if (corrections._byWord.Count == MaxWords) break;
            if (!wide && HasMatch(words, word, folded[0], cultures)) continue;
            var edits = wide || folded[0].Length >= 8 ? 2 : 1;
            corrections._byWord[word] = Closest(exactTerms, folded[0], edits);
        }
        return corrections;
    }

    public IReadOnlyList<string> For(string word) => _byWord.TryGetValue(word, out var list) ? list : [];

    /// <summary>Every word searched for in place of a typed one, in the order of the query.</summary>
    public IReadOnlyList<string> All => _byWord.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The query text with each corrected word replaced by its closest word, or null when no
    /// word has a correction.</summary>
    public string? Suggest(SearchQuery query)
    {
        if (!_byWord.Values.Any(v => v.Count > 0)) return null;
        var parts = query.Clauses.Select(c =>
        {
            var words = c.Words.Select(w => !c.IsPhrase && !c.LastIsPrefix && For(w) is [var best, ..] ? best : w);
            var text = string.Join(' ', words) + (c.LastIsPrefix ? "*" : "");
            return (c.IsExcluded ? "-" : "") + (c.IsPhrase ? $"\"{text}\"" : text);
        });
        return string.Join(' ', parts);
    }

    private static bool HasMatch(IndexWords words, string word, string folded, IReadOnlyList<string> cultures)
    {
        if (words.Has(SearchFields.Exact, folded)) return true;
        // Cultures analysed alike give the same answer: one of each analysis is asked.
        foreach (var culture in cultures.DistinctBy(SearchAnalyzers.Language, StringComparer.Ordinal))
        {
            var stems = LuceneQuery.Terms(SearchAnalyzers.For(culture), SearchFields.Body, word);
            if (stems.Count != 1) continue;
            if (SearchFields.Stemmed.Any(field => words.Has(field, stems[0]))) return true;
            if (LuceneQuery.IsCompoundPart(culture, stems[0]) && words.HasLonger(SearchFields.Tail, SearchAnalyzers.Reversed(stems[0])))
                return true;
        }
        return false;
    }

    /// <summary>The index words within the edits, nearest first, then the most used. A walk over the
    /// words that begin with the same letter (a typo in the first letter is rare, and this keeps the
    /// walk short whatever the size of the index), measuring only those of a length within reach.</summary>
    private static IReadOnlyList<string> Closest(Terms terms, string folded, int edits)
    {
        var candidates = new List<(string Term, int Distance, int DocFreq)>();
        var first = new BytesRef(folded[..(char.IsHighSurrogate(folded[0]) && folded.Length > 1 ? 2 : 1)]);
        var e = terms.GetEnumerator();
        if (e.SeekCeil(first) == TermsEnum.SeekStatus.END) return [];
        do
        {
            if (!StringHelper.StartsWith(e.Term, first)) break;
            var term = e.Term.Utf8ToString();
            if (Math.Abs(term.Length - folded.Length) > edits || term == folded) continue;
            var distance = Distance(folded, term, edits);
            if (distance <= edits) candidates.Add((term, distance, e.DocFreq));
        }
        while (e.MoveNext());
        return candidates
            .OrderBy(c => c.Distance).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(PerWord).Select(c => c.Term).ToList();
    }

    /// <summary>Edits between two words, a swap of neighbours counting as one (optimal string
    /// alignment); stops early with <paramref name="max"/> + 1 once no alignment can stay within it.</summary>
    public static int Distance(string a, string b, int max = int.MaxValue - 1)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var best = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                best = Math.Min(best, d[i, j]);
            }
            if (best > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
