using Lucene.Net.Index;
using Lucene.Net.Util;

namespace JasKnowledge.Data.Search;

/// <summary>
/// What one search asks the index's word lists: how many documents hold a word, whether any word
/// begins with a prefix, which words do. Each answer is kept for the rest of the search, because the
/// same words are asked about for every language (a Latin word analyses alike in most of them), for
/// the corrections, and again for the marks of the snippets. A word is looked up in each segment with
/// one word list per segment and field for the whole search, and the query's term queries take what was
/// found (<see cref="Context"/>) instead of looking it up again: a search used to make two new word
/// lists per word, field and segment, a good part of all it allocated. The lists are borrowed from
/// <see cref="SegmentWordLists"/> and given back by <see cref="Dispose"/>.
/// </summary>
internal sealed class IndexWords(IndexReader reader) : IDisposable
{
    private readonly Dictionary<(string Field, string Text), TermContext> _contexts = [];
    private readonly Dictionary<(int Segment, string Field), TermsEnum?> _segmentWords = [];
    private readonly Dictionary<(string Field, string Prefix, bool Longer), bool> _prefixes = [];
    private readonly Dictionary<(string Field, string Prefix), List<string>?> _starting = [];
    private readonly Dictionary<string, Terms?> _fields = new(StringComparer.Ordinal);

    public IndexReader Reader => reader;

    /// <summary>How many documents hold the word in the field.</summary>
    public int Documents(string field, string text) => Context(field, text).DocFreq;

    /// <summary>Where the word is in each segment, for a <see cref="Lucene.Net.Search.TermQuery"/> of this search.</summary>
    public TermContext Context(string field, string text)
    {
        if (_contexts.TryGetValue((field, text), out var context)) return context;
        var bytes = new BytesRef(text);
        context = new TermContext(reader.Context);
        foreach (var segment in reader.Leaves)
        {
            if (SegmentWords(segment, field) is { } e && e.SeekExact(bytes))
                context.Register(e.GetTermState(), segment.Ord, e.DocFreq, e.TotalTermFreq);
        }
        return _contexts[(field, text)] = context;
    }

    private TermsEnum? SegmentWords(AtomicReaderContext segment, string field)
    {
        if (!_segmentWords.TryGetValue((segment.Ord, field), out var words))
            _segmentWords[(segment.Ord, field)] = words = SegmentWordLists.Of(segment.AtomicReader).Lend(segment.AtomicReader, field);
        return words;
    }

    public bool Has(string field, string text) => Documents(field, text) > 0;

    public bool HasPrefix(string field, string prefix) => HasBeginning(field, prefix, longer: false);

    /// <summary>Whether a word of the field begins with the prefix and goes on.</summary>
    public bool HasLonger(string field, string prefix) => HasBeginning(field, prefix, longer: true);

    private bool HasBeginning(string field, string prefix, bool longer)
    {
        if (_prefixes.TryGetValue((field, prefix, longer), out var found)) return found;
        // Segment by segment with the search's word lists: a word list over all segments is made anew for each question.
        var target = new BytesRef(prefix);
        foreach (var segment in reader.Leaves)
        {
            if (SegmentWords(segment, field) is not { } e) continue;
            var seek = e.SeekCeil(target);
            if (longer && seek == TermsEnum.SeekStatus.FOUND) seek = e.MoveNext() ? TermsEnum.SeekStatus.NOT_FOUND : TermsEnum.SeekStatus.END;
            found = seek != TermsEnum.SeekStatus.END && StringHelper.StartsWith(e.Term, target);
            if (found) break;
        }
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
        // Segment by segment with the search's word lists, as the other questions: a list over all segments is made anew.
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var target = new BytesRef(prefix);
        foreach (var segment in reader.Leaves)
        {
            if (SegmentWords(segment, field) is not { } e || e.SeekCeil(target) == TermsEnum.SeekStatus.END) continue;
            do
            {
                if (!StringHelper.StartsWith(e.Term, target)) break;
                if (words.Add(e.Term.Utf8ToString()) && words.Count > max) return null;
            }
            while (e.MoveNext());
        }
        return [.. words];
    }

    /// <summary>The field's words over all segments, or null when no document has the field.</summary>
    public Terms? Terms(string field)
    {
        if (!_fields.TryGetValue(field, out var terms)) _fields[field] = terms = MultiFields.GetTerms(reader, field);
        return terms;
    }

    /// <summary>Gives the borrowed word lists back; this search asks nothing more of them.</summary>
    public void Dispose()
    {
        foreach (var ((segment, field), words) in _segmentWords)
        {
            if (words is not null) SegmentWordLists.Of(reader.Leaves[segment].AtomicReader).TakeBack(field, words);
        }
        _segmentWords.Clear();
    }
}
