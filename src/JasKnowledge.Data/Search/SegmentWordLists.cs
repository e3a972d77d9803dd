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

    private readonly ConcurrentDictionary<string, Idle> _idle = new(StringComparer.Ordinal);

    public static SegmentWordLists Of(AtomicReader segment) => BySegment.GetValue(segment.CoreCacheKey, _ => new SegmentWordLists());

    /// <summary>A list of the field's words for this search alone; null when no document of the segment has the field.</summary>
    public TermsEnum? Lend(AtomicReader segment, string field)
    {
        if (_idle.TryGetValue(field, out var idle) && idle.Lists.TryTake(out var words))
        {
            Interlocked.Decrement(ref idle.Count);
            return words;
        }
        return segment.GetTerms(field)?.GetEnumerator();
    }

    public void TakeBack(string field, TermsEnum words)
    {
        var idle = _idle.GetOrAdd(field, _ => new Idle());
        // Counted before adding, so concurrent searches never keep more than the bound.
        if (Interlocked.Increment(ref idle.Count) > MaxIdle) Interlocked.Decrement(ref idle.Count);
        else idle.Lists.Add(words);
    }

    /// <summary>A field's lists waiting to be lent, counted apart: the bag's own count takes every lock it has.</summary>
    private sealed class Idle
    {
        public readonly ConcurrentBag<TermsEnum> Lists = [];
        public int Count;
    }
}
