using System.Collections.Concurrent;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Values remembered across searches until <paramref name="capacity"/> of them are held; after that a
/// value is computed again each time instead of remembered. What is remembered (analysed words, a word's
/// live document count, a set of languages' documents) is few in practice: the bound only keeps memory
/// certain under a flood of new queries, so nothing is ever removed. The map counts its own entries:
/// <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the dictionary, and asking it
/// on each search made concurrent searches wait on each other.
/// </summary>
internal sealed class RememberedUpTo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGetValue(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> while there is room, and returns the value remembered
    /// for the key: the one another search remembered first, or this one.</summary>
    public TValue Remember(TKey key, TValue value)
    {
        if (Count >= capacity) return Held(key, value);
        // A place is taken before adding, so concurrent searches never remember more than the capacity.
        if (Interlocked.Increment(ref _count) > capacity || !_values.TryAdd(key, value))
        {
            Interlocked.Decrement(ref _count);
            return Held(key, value);
        }
        return value;
    }

    private TValue Held(TKey key, TValue value) => _values.TryGetValue(key, out var held) ? held : value;
}
