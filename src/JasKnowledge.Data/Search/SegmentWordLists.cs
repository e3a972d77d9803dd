using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The word lists (Lucene's term enumerators) of a segment's fields, lent to one search at a time and
/// taken back when it ends, for as long as the segment lives. Making one reads the start of the field's
/// word index into new buffers, and a search asks about a dozen fields in every segment: each search
/// made and dropped a dozen lists per segment. A list holds no documents, only a place in the words, so
/// a segment's new deletions do not change it. As many are kept as searches ran at once.
/// </summary>
internal sealed class SegmentWordLists
{
    private static readonly ConditionalWeakTable<object, SegmentWordLists> BySegment = new();

    private readonly ConcurrentDictionary<string, ConcurrentBag<TermsEnum>> _idle = new(StringComparer.Ordinal);

    public static SegmentWordLists Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentWordLists());

    /// <summary>A list of the field's words for this search alone; null when no document of the segment has the field.</summary>
    public TermsEnum? Lend(AtomicReader segment, string field) =>
        _idle.TryGetValue(field, out var idle) && idle.TryTake(out var words) ? words : segment.GetTerms(field)?.GetEnumerator();

    public void TakeBack(string field, TermsEnum words) => _idle.GetOrAdd(field, _ => []).Add(words);
}
