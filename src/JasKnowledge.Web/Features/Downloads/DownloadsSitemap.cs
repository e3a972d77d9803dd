using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Sitemap;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>The download list and each file's page with its versions, in every interface language.</summary>
public sealed class DownloadsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<PageAlternate>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cultures = services.GetRequiredService<CultureCatalog>();
        var files = await services.GetRequiredService<PublishedAssets>().ListAsync(cancellationToken);
        var pages = new List<IReadOnlyList<PageAlternate>> { cultures.All.Select(c => new PageAlternate(c.Code, DownloadUrls.List(c.Code))).ToList() };
        pages.AddRange(files.Select(f => (IReadOnlyList<PageAlternate>)cultures.All.Select(c => new PageAlternate(c.Code, DownloadUrls.History(c.Code, f))).ToList()));
        return pages;
    }
}
