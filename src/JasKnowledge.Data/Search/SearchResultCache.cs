using System.Collections.Concurrent;
using JasKnowledge.Core.Search;
using Lucene.Net.Index;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The results of recent searches on one version of the index. Visitors ask the same few things
/// (zorgverzekering, werk, gesprek) and each answer costs a full query with facets and snippets; the
/// answer cannot change until the index does, so it is kept with the reader it was computed on and
/// dropped as soon as a newer reader serves (every applied change opens one). Bounded: when full, the
/// oldest half goes. An answer is kept only when its question comes a second time (a crawler's or a
/// typist's thousands of one-off questions never displace the common ones): a kept answer outlives many
/// collections of young objects, and keeping every first asking's answer made the garbage collector copy
/// about 9 KB per search, its pauses of 5–20 ms the slowest hundredth of searches under load.
/// </summary>
internal sealed class SearchResultCache(int capacity = SearchResultCache.DefaultCapacity)
{
    public const int DefaultCapacity = 2_000;

    private Generation _current = new(-1);

    public SearchResults GetOrAdd(IndexReader reader, SearchRequest request, Func<SearchResults> compute)
    {
        // A reader's version grows with every commit: equal versions hold the same documents.
        if (reader is not DirectoryReader { Version: var version }) return compute();
        var generation = Volatile.Read(ref _current);
        while (generation.Version < version)
        {
            var fresher = new Generation(version);
            var seen = Interlocked.CompareExchange(ref _current, fresher, generation);
            generation = ReferenceEquals(seen, generation) ? fresher : seen;
        }
        // A search on an older reader (one acquired just before a refresh) neither reads nor fills the newer cache.
        if (generation.Version != version) return compute();
        var key = Key(request);
        if (generation.Results.TryGetValue(key, out var entry)) return entry.Results;
        var results = compute();
        if (!generation.AskedBefore(key)) return results;
        if (Volatile.Read(ref generation.Count) >= capacity) generation.Trim(capacity / 2);
        if (generation.Results.TryAdd(key, new Entry(results, Interlocked.Increment(ref generation.Added)))) Interlocked.Increment(ref generation.Count);
        return results;
    }

    /// <summary>Everything that changes the answer: the query as parsed (normalised text), filters, page, synonyms.</summary>
    private static string Key(SearchRequest r) =>
        string.Join('\u001f', r.Query.Text, r.Culture ?? "", r.Type ?? "", r.PreferredCulture ?? "", r.Page, r.PageSize,
            string.Join('\u001e', (r.Synonyms ?? []).Select(q => q.Text)));

    private sealed record Entry(SearchResults Results, long Order);

    private sealed class Generation(long version)
    {
        private readonly AskedOnce _askedOnce = new(AskedOnceSlots);

        private const int AskedOnceSlots = 8_192;

        public readonly long Version = version;
        public readonly ConcurrentDictionary<string, Entry> Results = new(StringComparer.Ordinal);
        public long Added;
        /// <summary>How many answers <see cref="Results"/> holds: its own Count takes every lock of the
        /// dictionary, and a first asking under load asked it each time.</summary>
        public int Count;

        /// <summary>Whether <paramref name="key"/> was asked before on this version; it is noted either way.</summary>
        public bool AskedBefore(string key) => _askedOnce.Before(StringComparer.Ordinal.GetHashCode(key));

        public void Trim(int keep)
        {
            var newest = Results.OrderByDescending(e => e.Value.Order).Take(keep).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var key in Results.Keys)
            {
                if (!newest.Contains(key) && Results.TryRemove(key, out _)) Interlocked.Decrement(ref Count);
            }
        }
    }
}
