using JasKnowledge.Core.Modules;
using JasKnowledge.Web.Features.Search;

namespace JasKnowledge.Web.Features.GemeenteInfo;

/// <summary>A municipality's own information for its participants (type "gemeente-info"), Integreat's core: where to go and
/// who helps, in the participant's language, next to the general sheets. The municipality is the source and the page says
/// so; the portal ships none. One item per municipality, at the municipality's name: /{culture}/gemeente/leiden.</summary>
public static class GemeenteInfoFeature
{
    public const string Type = "gemeente-info";
    /// <summary>The content folder's directory, and the first part of each item's localization set.</summary>
    public const string Folder = "gemeente-informatie";

    public static string PageUrl(string culture, string slug) => $"/{culture}/gemeente/{slug}";

    public static IServiceCollection AddGemeenteInfoFeature(this IServiceCollection services) =>
        services.AddContentUrl(Type, item => PageUrl(item.Culture, item.Slug))
            .AddTranslatedType(Type, 3)
            .AddCreatableType(Type, Folder, "leiden")
            .AddAddressRule<GemeenteAddressRule>()
            .AddItemEditor<GemeenteEditor>()
            .AddFollowable(Type)
            .AddSearchable(Type, "SearchTypeGemeenteInfo", 25)
            .AddScoped<GemeenteInfoPages>();
}
