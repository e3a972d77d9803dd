using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Tests.Unit;

/// <summary>The one rule for blob keys, shared by the folder store and Azure: a key never leaves its folder and never
/// carries a character either store would read differently.</summary>
public sealed class BlobKeysTests
{
    [Theory]
    [InlineData("het-gesprek-handboek-1.7.pdf")]
    [InlineData("a")]
    [InlineData("sheet_ar.5.pdf")]
    public void A_lower_case_name_of_letters_digits_dots_and_dashes_is_a_key(string key) => Assert.True(BlobKeys.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../etc/passwd")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("Handboek.pdf")]
    [InlineData("map/bestand.pdf")]
    [InlineData("bestand.pdf\n")]   // passed while the pattern ended in $ (which also matches before a final line feed)
    [InlineData("bestand.pdf\r\n")]
    public void Anything_else_is_not(string? key)
    {
        Assert.False(BlobKeys.IsValid(key));
        if (key is not null) Assert.Throws<ArgumentException>(() => BlobKeys.Require(key));
    }
}
