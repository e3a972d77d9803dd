using JasKnowledge.Data.Search;

namespace JasKnowledge.Tests.Unit;

/// <summary>The bounded memory behind the search's analysis, live-statistics and language-filter caches:
/// it remembers up to its capacity and then stops, and every search sees the first value remembered.</summary>
public sealed class RememberedUpToTests
{
    [Fact]
    public void Remembers_up_to_its_capacity_and_then_only_hands_values_back()
    {
        var remembered = new RememberedUpTo<string, int>(3);
        foreach (var (word, value) in new[] { ("gesprek", 1), ("werk", 2), ("taal", 3) })
            Assert.Equal(value, remembered.Remember(word, value));

        Assert.Equal(4, remembered.Remember("stage", 4));
        Assert.Equal(3, remembered.Count);
        Assert.False(remembered.TryGetValue("stage", out _));
        Assert.True(remembered.TryGetValue("taal", out var taal));
        Assert.Equal(3, taal);
    }

    [Fact]
    public void A_key_remembered_twice_keeps_its_first_value_and_counts_once()
    {
        var remembered = new RememberedUpTo<string, string>(2, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("eerste", remembered.Remember("Gesprek", "eerste"));
        Assert.Equal("eerste", remembered.Remember("gesprek", "tweede"));
        Assert.Equal(1, remembered.Count);
        // There is still room for a second key: a repeated key did not use it up.
        Assert.Equal("werk", remembered.Remember("werk", "werk"));
        Assert.Equal(2, remembered.Count);
        // Full: a known key still gets its remembered value, not the one offered.
        Assert.Equal("eerste", remembered.Remember("GESPREK", "derde"));
    }

    [Fact]
    public void Concurrent_searches_never_push_it_past_its_capacity()
    {
        var remembered = new RememberedUpTo<int, int>(1_000);
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => remembered.Remember(i % 5_000, i));
        Assert.Equal(1_000, remembered.Count);
        var held = Enumerable.Range(0, 5_000).Count(key => remembered.TryGetValue(key, out _));
        Assert.Equal(1_000, held);
    }
}
