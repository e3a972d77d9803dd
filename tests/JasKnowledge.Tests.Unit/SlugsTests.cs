using JasKnowledge.Web.Hosting.Routing;

namespace JasKnowledge.Tests.Unit;

/// <summary>An address made from a title is one the portal's routes accept, or nothing at all.</summary>
public sealed class SlugsTests
{
    [Theory]
    [InlineData("Je huisarts", "je-huisarts")]
    [InlineData("Je huisarts & de apotheek", "je-huisarts-de-apotheek")]
    [InlineData("Zorg voor één café", "zorg-voor-een-cafe")]
    [InlineData("  --Stages  en werk!-- ", "stages-en-werk")]
    [InlineData("Sessie 10: de buurt", "sessie-10-de-buurt")]
    [InlineData("طبيب العائلة", "")]
    [InlineData("ሓኪም", "")]
    [InlineData("ﬁle", "file")]
    [InlineData("Straße Æbleskiver Øst", "strasse-aebleskiver-ost")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Ｗerk", "werk")]
    public void A_title_becomes_lower_case_letters_digits_and_single_hyphens(string title, string expected)
    {
        var slug = Slugs.From(title);
        Assert.Equal(expected, slug);
        if (slug.Length > 0) Assert.True(SlugRouteConstraint.IsSlug(slug));
    }

    [Fact]
    public void A_very_long_title_gives_an_address_of_at_most_80_characters_without_a_hyphen_at_the_end()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("woord", 40)));
        Assert.True(slug.Length <= 80);
        Assert.True(SlugRouteConstraint.IsSlug(slug));
    }
}
