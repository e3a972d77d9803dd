using Lucene.Net.Index;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// What one search asks the index's word lists: how many documents hold a word, whether any word
/// begins with a prefix, which words do. Each answer is kept for the rest of the search, because the
/// same words are asked about for every language (a Latin word analyses alike in most of them), for
/// the corrections, and again for the marks of the snippets.
/// </summary>
internal sealed class IndexWords(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Text), int> _documents = [];
    private readonly Dictionary<(string Field, string Prefix, bool Longer), bool> _prefixes = [];
    private readonly Dictionary<(string Field, string Prefix), List<string>?> _starting = [];
    private readonly Dictionary<string, Terms?> _fields = new(StringComparer.Ordinal);

    public IndexReader Reader => reader;

    /// <summary>How many documents hold the word in the field.</summary>
    public int Documents(string field, string text)
    {
        if (!_documents.TryGetValue((field, text), out var count))
            _documents[(field, text)] = count = reader.DocFreq(new Term(field, text));
        return count;
    }

    public bool Has(string field, string text) => Documents(field, text) > 0;

    public bool HasPrefix(string field, string prefix) => HasBeginning(field, prefix, longer: false);

    /// <summary>Whether a word of the field begins with the prefix and goes on.</summary>
    public bool HasLonger(string field, string prefix) => HasBeginning(field, prefix, longer: true);

    private bool HasBeginning(string field, string prefix, bool longer)
    {
        if (_prefixes.TryGetValue((field, prefix, longer), out var found)) return found;
        var e = Terms(field)?.GetEnumerator();
        var target = new BytesRef(prefix);
        var seek = e?.SeekCeil(target) ?? TermsEnum.SeekStatus.END;
        if (longer && seek == TermsEnum.SeekStatus.FOUND) seek = e!.MoveNext() ? TermsEnum.SeekStatus.NOT_FOUND : TermsEnum.SeekStatus.END;
        found = seek != TermsEnum.SeekStatus.END && StringHelper.StartsWith(e!.Term, target);
        return _prefixes[(field, prefix, longer)] = found;
    }

    /// <summary>The words of the field that begin with the prefix, in index order; null when there are more
    /// than <paramref name="max"/> (remembered per field and prefix: the marks ask with one limit).</summary>
    public List<string>? StartingWith(string field, string prefix, int max)
    {
        if (!_starting.TryGetValue((field, prefix), out var words)) _starting[(field, prefix)] = words = ReadStartingWith(field, prefix, max);
        return words;
    }

    private List<string>? ReadStartingWith(string field, string prefix, int max)
    {
        var words = new List<string>();
        var e = Terms(field)?.GetEnumerator();
        var target = new BytesRef(prefix);
        if (e is null || e.SeekCeil(target) == TermsEnum.SeekStatus.END) return words;
        do
        {
            if (!StringHelper.StartsWith(e.Term, target)) break;
            if (words.Count == max) return null;
            words.Add(e.Term.Utf8ToString());
        }
        while (e.MoveNext());
        return words;
    }

    /// <summary>The field's words over all segments, or null when no document has the field.</summary>
    public Terms? Terms(string field)
    {
        if (!_fields.TryGetValue(field, out var terms)) _fields[field] = terms = MultiFields.GetTerms(reader, field);
        return terms;
    }
}
