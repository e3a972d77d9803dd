using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Features.Sitemap;

namespace JasKnowledge.Web.Features.Search;

/// <summary>Full-text search over everything published, in every language: the page
/// /{culture}/zoeken and GET /api/v1/search, and what was searched for editors (/beheer/zoekvragen). Features make their content types searchable with
/// services.AddSearchable; the index itself lives in the content core and data layer.</summary>
public static class SearchFeature
{
    public static string PageUrl(string culture) => $"/{culture}/zoeken";

    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddScoped<PortalSearch>();
        // Read at start-up: a setting that is not true or false stops the start with its name, not a later search with a 500.
        services.AddOptions<SearchApiOptions>().BindConfiguration(SearchApiOptions.Section).ValidateOnStart();
        services.AddSingleton<SearchQueryRecorder>();
        services.AddSingleton<SearchQueryFlush>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchQueryFlush>());
        services.AddSearchLabel(SearchIndexer.DownloadType, "SearchTypeDownload", 50);
        return services;
    }

    public static IEndpointRouteBuilder MapSearchFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/search", SearchApi.GetAsync)
            .WithTags("Search")
            .WithName("Search")
            .WithSummary(
                "Full-text search in all published material: handbook, information sheets, videos (subtitles included), pages and downloads.")
            .WithDescription(
                "q: words; \"quoted words\" form a phrase, -word excludes, word* matches the beginning of words. lang and type filter; page is " +
                "1-based (10 per page). Snippets are HTML: the text is escaped and matched words are in <mark>.")
            .Produces<SearchApi.SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}
