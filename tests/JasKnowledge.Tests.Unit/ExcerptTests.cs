using JasKnowledge.Core.Formats;

namespace JasKnowledge.Tests.Unit;

/// <summary>What a refusal repeats of a typed value: the whole value when short, otherwise its beginning and "…",
/// never half of a character written as two UTF-16 units.</summary>
public sealed class ExcerptTests
{
    [Theory]
    [InlineData(null, 5, "")]
    [InlineData("", 5, "")]
    [InlineData("twaalf", 6, "twaalf")]
    [InlineData("twaalfhonderd", 6, "twaalf…")]
    [InlineData("ጠበቓ ጠበቓ", 3, "ጠበቓ…")]
    public void Keeps_a_short_value_whole_and_cuts_a_long_one(string? value, int max, string expected) =>
        Assert.Equal(expected, Excerpt.Of(value, max));

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var value = "ab\U0001F600cd";   // the emoji takes positions 2 and 3

        Assert.Equal("ab…", Excerpt.Of(value, 3));
        Assert.Equal("ab\U0001F600…", Excerpt.Of(value, 4));
    }
}
