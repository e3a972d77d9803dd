using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The word lists (Lucene's term enumerators) of a segment's fields, lent to one search at a time and
/// taken back when it ends, for as long as the segment lives. Making one reads the start of the field's
/// word index into new buffers, and a search asks about a dozen fields in every segment: each search
/// made and dropped a dozen lists per segment. A list holds no documents, only a place in the words, so
/// a segment's new deletions do not change it. At most <see cref="MaxIdle"/> lists per field wait to be
/// lent again: as many as searches usually run at once, without keeping every list of a burst.
/// </summary>
internal sealed class SegmentWordLists
{
    public const int MaxIdle = 32;

    private static readonly ConditionalWeakTable<object, SegmentWordLists> BySegment = new();

    /// <summary>Per field, the lists waiting to be lent, one per place, each taken and put back with a single atomic
    /// exchange. A concurrent bag, taking from another thread's share (a request continues on any thread),
    /// locked it: searches waited on each other there, a third of the time spent marking snippets.</summary>
    private readonly ConcurrentDictionary<string, TermsEnum?[]> _idle = new(StringComparer.Ordinal);

    public static SegmentWordLists Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentWordLists());

    /// <summary>A list of the field's words for this search alone; null when no document of the segment has the field.</summary>
    public TermsEnum? Lend(AtomicReader segment, string field)
    {
        if (_idle.TryGetValue(field, out var lists))
        {
            for (var i = 0; i < lists.Length; i++)
            {
                if (Volatile.Read(ref lists[i]) is not null && Interlocked.Exchange(ref lists[i], null) is { } words) return words;
            }
        }
        return segment.GetTerms(field)?.GetEnumerator();
    }

    public void TakeBack(string field, TermsEnum words)
    {
        var lists = _idle.GetOrAdd(field, _ => new TermsEnum?[MaxIdle]);
        for (var i = 0; i < lists.Length; i++)
        {
            if (Volatile.Read(ref lists[i]) is null && Interlocked.CompareExchange(ref lists[i], words, null) is null) return;
        }
        // Every place taken: the list is dropped.
    }
}
