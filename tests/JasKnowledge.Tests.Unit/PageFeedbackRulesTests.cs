using JasKnowledge.Web.Features.Feedback;

namespace JasKnowledge.Tests.Unit;

/// <summary>Which page a "Heb je iets aan deze pagina?" answer may be about: one of the portal's own paths in the form's
/// language, so that nothing a client makes up reaches the report or the thanks page's link back.</summary>
public sealed class PageFeedbackRulesTests
{
    [Theory]
    [InlineData("/ar/informatie/je-mentor", "ar")]
    [InlineData("/nl/handboek/sessie-1-nederland-en-jij/sessie", "nl")]
    [InlineData("/prs/video/je-mentor", "prs")]
    [InlineData("/uk/over", "uk")]
    [InlineData("/nl", "nl")]
    public void A_path_of_the_portal_in_the_forms_language_is_a_page(string path, string culture) =>
        Assert.True(FeedbackFeature.IsPortalPage(path, culture));

    [Theory]
    [InlineData(null, "nl")]
    [InlineData("", "nl")]
    [InlineData("/nl/informatie/je-mentor", "ar")]        // another language than the form's
    [InlineData("https://evil.example/nl", "nl")]
    [InlineData("//evil.example/nl", "nl")]
    [InlineData("/nl/../beheer", "nl")]
    [InlineData("/nl/informatie/je-mentor?x=1", "nl")]
    [InlineData("/nl/informatie/je-mentor#top", "nl")]
    [InlineData("/nl/Informatie", "nl")]                  // the portal's slugs are lower case
    [InlineData("/nl/informatie/", "nl")]
    [InlineData("/nl/a/b/c/d/e", "nl")]                   // deeper than any page
    [InlineData("/nl/informatie/je-mentor\n", "nl")]
    [InlineData("/nl/-begin", "nl")]
    [InlineData("/nl/%2e%2e", "nl")]
    [InlineData("/nederlands/x", "nederlands")]
    public void Anything_else_is_not(string? path, string culture) =>
        Assert.False(FeedbackFeature.IsPortalPage(path, culture));

    [Fact]
    public void A_path_longer_than_the_column_is_not_a_page() =>
        Assert.False(FeedbackFeature.IsPortalPage("/nl/" + string.Join('/', Enumerable.Repeat(new string('a', 100), 3)), "nl"));
}
