using JasKnowledge.Data.Search;

namespace JasKnowledge.Tests.Unit;

/// <summary>The bounded memory behind the search's analysis, live-statistics and language-filter caches: it
/// keeps a value from its second asking, every search sees the first value kept, and when full it starts again
/// instead of ceasing to remember.</summary>
public sealed class RememberedUpToTests
{
    [Fact]
    public void A_value_asked_for_once_is_handed_back_and_kept_from_its_second_asking()
    {
        var remembered = new RememberedUpTo<string, int>(10);
        Assert.Equal(1, remembered.Remember("gesprek", 1));
        Assert.False(remembered.TryGetValue("gesprek", out _));
        Assert.Equal(0, remembered.Count);

        Assert.Equal(2, remembered.Remember("gesprek", 2));
        Assert.True(remembered.TryGetValue("gesprek", out var kept));
        Assert.Equal(2, kept);
        Assert.Equal(1, remembered.Count);
    }

    [Fact]
    public void A_key_kept_keeps_its_first_value_and_counts_once()
    {
        var remembered = new RememberedUpTo<string, string>(2, StringComparer.OrdinalIgnoreCase);
        remembered.Remember("Gesprek", "eerste");
        Assert.Equal("tweede", remembered.Remember("gesprek", "tweede"));
        Assert.Equal("tweede", remembered.Remember("GESPREK", "derde"));
        Assert.Equal(1, remembered.Count);
    }

    [Fact]
    public void When_full_it_forgets_everything_and_goes_on_remembering_new_values()
    {
        var remembered = new RememberedUpTo<string, int>(3);
        string[] words = ["gesprek", "werk", "taal"];
        // Each asked twice in a row: a word's slot among the asked-once ones may be another's (string hashes differ per process).
        foreach (var word in words.SelectMany(w => new[] { w, w })) remembered.Remember(word, word.Length);
        Assert.Equal(3, remembered.Count);

        // A fourth word asked twice does not fit: the memory starts again, empty.
        remembered.Remember("stage", 5);
        Assert.Equal(5, remembered.Remember("stage", 5));
        Assert.Equal(0, remembered.Count);
        Assert.False(remembered.TryGetValue("gesprek", out _));

        // And remembers again (a memory that stopped once full never held "stage").
        Assert.Equal(5, remembered.Remember("stage", 5));
        Assert.True(remembered.TryGetValue("stage", out var stage));
        Assert.Equal(5, stage);
    }

    [Fact]
    public void Concurrent_searches_never_push_it_past_its_capacity()
    {
        var remembered = new RememberedUpTo<int, int>(1_000);
        var most = 0;
        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            remembered.Remember(i % 1_500, i);
            if (i % 100 != 0) return;
            // What it holds while other threads go on remembering (counting key by key could span a start-again).
            var held = remembered.Count;
            int seen;
            while ((seen = Volatile.Read(ref most)) < held && Interlocked.CompareExchange(ref most, held, seen) != seen) { }
        });
        // 1,500 keys, each asked for about 27 times, in a memory of 1,000: it filled and started again on the way.
        Assert.InRange(most, 1, 1_000);
        var heldAtEnd = Enumerable.Range(0, 1_500).Count(key => remembered.TryGetValue(key, out _));
        Assert.Equal(remembered.Count, heldAtEnd);
    }
}
