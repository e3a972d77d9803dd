using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Search;
using JasKnowledge.Web.Features.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Unit;

/// <summary>Where content is shown, asked with a content item (a page's language links, the sitemap) or
/// with a search hit's document: both get the same address from the rule of the feature that owns the type.</summary>
public sealed class ContentUrlsTests
{
    private static ContentUrls Urls()
    {
        var services = new ServiceCollection().AddPagesFeature();
        services.AddContentUrl("handbook-chapter", item => $"/{item.Culture}/handboek/{item.Slug}");
        return services.BuildServiceProvider().GetRequiredService<ContentUrls>();
    }

    [Theory]
    [InlineData("page", "nl", "pages/home", "home", "/nl")]
    [InlineData("page", "ar", "pages/over", "hawl", "/ar/hawl")]
    [InlineData("handbook-chapter", "ti", "handbook/gesprek", "gesprek", "/ti/handboek/gesprek")]
    public void An_item_and_its_search_document_are_shown_at_the_same_address(string type, string culture, string set, string slug, string url)
    {
        var urls = Urls();
        var item = new ContentItem { Type = type, Culture = culture, LocalizationSet = set, Slug = slug };
        var document = new SearchDocument(item.Id, type, culture, set, slug, "Titel", "", "");
        Assert.Equal(url, urls.For(item));
        Assert.Equal(url, urls.For(document));
    }

    [Fact]
    public void A_type_without_a_page_of_its_own_has_no_address()
    {
        Assert.Null(Urls().For(new SearchDocument(Guid.NewGuid(), "download", "nl", "downloads/x", "x", "X", "", "")));
    }
}
