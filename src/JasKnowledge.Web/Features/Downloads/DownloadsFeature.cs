using JasKnowledge.Core.Modules;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>Downloadable files for every feature (handbook editions, sheets, blueprints, open data):
/// the file URLs, the pages that list them, the API and the Atom feed of new versions.</summary>
public static class DownloadsFeature
{
    public static IServiceCollection AddDownloadsFeature(this IServiceCollection services) =>
        services.AddMenuItem("MenuDownloads", "downloads", 90)
            .AddSitemapSource<DownloadsSitemap>();

    public static IEndpointRouteBuilder MapDownloadsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(FileEndpoint.Route, [HttpMethods.Get, HttpMethods.Head], FileEndpoint.HandleAsync)
            .ExcludeFromDescription();
        endpoints.MapGet(EditionsFeed.Route, EditionsFeed.WriteAsync)
            .ExcludeFromDescription();
        endpoints.MapGet("/api/v1/downloads", DownloadsApi.ListAsync)
            .WithTags("Downloads")
            .WithName("ListDownloads")
            .WithSummary(
                "Every downloadable file: its latest version and all versions, with URL, SHA-256, size, media type, date and release notes.");
        return endpoints;
    }
}
