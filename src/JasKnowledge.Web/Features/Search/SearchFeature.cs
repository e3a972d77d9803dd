using JasKnowledge.Core.Content;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Features.Sitemap;

namespace JasKnowledge.Web.Features.Search;

/// <summary>Full-text search over everything published, in every language: the page
/// /{culture}/zoeken and GET /api/v1/search. Features make their content types searchable with
/// services.AddSearchable; the index itself lives in the content core and data layer.</summary>
public static class SearchFeature
{
    public static string PageUrl(string culture) => $"/{culture}/zoeken";

    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddScoped<PortalSearch>();
        services.AddSearchLabel(SearchIndexer.DownloadType, "SearchTypeDownload", 50);
        return services;
    }

    /// <summary>Makes a content type searchable, with its label on the search page (a Ui key) and its
    /// place among the type filters.</summary>
    public static IServiceCollection AddSearchable(this IServiceCollection services, string type, string labelKey, int order, Func<ContentVersion, string?>? moreText = null)
    {
        services.AddSingleton(new SearchableType(type, moreText));
        return services.AddSearchLabel(type, labelKey, order);
    }

    private static IServiceCollection AddSearchLabel(this IServiceCollection services, string type, string labelKey, int order) =>
        services.AddSingleton(new SearchTypeLabel(type, labelKey, order));

    public static IEndpointRouteBuilder MapSearchFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/search", SearchApi.GetAsync)
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Full-text search in all published material: handbook, information sheets, videos (subtitles included), pages and downloads.")
            .WithDescription("q: words; \"quoted words\" form a phrase, -word excludes, word* matches the beginning of words. lang and type filter; page is 1-based (10 per page). Snippets are HTML: the text is escaped and matched words are in <mark>.")
            .Produces<SearchApi.SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}

/// <summary>How a search type is named on the search page (a key of the Ui resources).</summary>
public sealed record SearchTypeLabel(string Type, string LabelKey, int Order);
