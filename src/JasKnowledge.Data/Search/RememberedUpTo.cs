using System.Collections.Concurrent;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Values remembered across searches (analysed words, a word's live document count, a set of languages'
/// documents), each from the second time it is asked for: one-off questions (a crawler's, a typist's) never
/// fill the memory. When <paramref name="capacity"/> values are held, all are forgotten and remembering starts
/// again, what is still asked for coming back from its next askings: a memory that stopped remembering once
/// full (as this one did) served a long-running node's later words without it for good. The map counts its own
/// entries: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the dictionary, and
/// asking it on each search made concurrent searches wait on each other.
/// </summary>
internal sealed class RememberedUpTo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly IEqualityComparer<TKey> _comparer = comparer ?? EqualityComparer<TKey>.Default;
    private readonly AskedOnce _askedOnce = new(Math.Clamp(capacity * 2, 64, 16_384));
    private Held _held = new(comparer);

    /// <summary>How many values are held now: the dictionary's own count, which takes all its locks (for tests, not for a search).</summary>
    public int Count => Volatile.Read(ref _held).Values.Count;

    public bool TryGetValue(TKey key, out TValue value) => Volatile.Read(ref _held).Values.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> when the key was asked for before, and returns the value
    /// remembered for the key: the one another search remembered first, or this one.</summary>
    public TValue Remember(TKey key, TValue value)
    {
        var held = Volatile.Read(ref _held);
        if (held.Values.TryGetValue(key, out var known)) return known;
        if (!_askedOnce.Before(_comparer.GetHashCode(key))) return value;
        // A place is taken before adding, so concurrent searches never remember more than the capacity.
        if (Interlocked.Increment(ref held.Count) > capacity)
        {
            Interlocked.CompareExchange(ref _held, new Held(comparer), held);
            return value;
        }
        if (held.Values.TryAdd(key, value)) return value;
        Interlocked.Decrement(ref held.Count);
        return held.Values.TryGetValue(key, out var first) ? first : value;
    }

    /// <summary>The values of one round of remembering.</summary>
    private sealed class Held(IEqualityComparer<TKey>? comparer)
    {
        public readonly ConcurrentDictionary<TKey, TValue> Values = new(comparer);
        public int Count;
    }
}
