using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.Translations;

namespace JasKnowledge.Web.Features.Pages;

/// <summary>Plain pages (type "page"): the home page of each language at /{culture} and every other
/// page at /{culture}/{slug}.</summary>
public static class PagesFeature
{
    public const string Type = "page";
    public const string HomeSet = "pages/home";

    public static IServiceCollection AddPagesFeature(this IServiceCollection services) =>
        services.AddContentUrl(Type, item => item.LocalizationSet == HomeSet ? $"/{item.Culture}" : $"/{item.Culture}/{item.Slug}")
            .AddTranslatedType(Type, 0)
            .AddSearchable(Type, "SearchTypePage", 40);
}
