using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>The download list and each file's page with its versions, in every interface language.</summary>
public sealed class DownloadsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cultures = services.GetRequiredService<CultureCatalog>();
        var files = await services.GetRequiredService<PublishedAssets>().ListAsync(cancellationToken);
        var pages = new List<IReadOnlyList<SitemapPage>> { cultures.All.Select(c => new SitemapPage(c.Code, DownloadUrls.List(c.Code))).ToList() };
        pages.AddRange(files.Select(f => (IReadOnlyList<SitemapPage>)cultures.All.Select(c => new SitemapPage(c.Code, DownloadUrls.History(c.Code, f))).ToList()));
        return pages;
    }
}
