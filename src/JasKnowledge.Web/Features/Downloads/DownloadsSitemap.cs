using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>The download list, each file's page with its versions and each version's own page, in
/// every interface language, dated by the (newest) version.</summary>
public sealed class DownloadsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cultures = services.GetRequiredService<CultureCatalog>();
        var files = await services.GetRequiredService<PublishedAssets>().ListAsync(cancellationToken);
        DateTime? Newest(IEnumerable<DateTime> dates) => dates.Select(d => (DateTime?)d).Max();
        var pages = new List<IReadOnlyList<SitemapPage>>
        {
            cultures.All.Select(
                c => new SitemapPage(c.Code, DownloadUrls.List(c.Code), Newest(files.SelectMany(f => f.Revisions).Select(r => r.PublishedUtc))))
                .ToList(),
        };
        pages.AddRange(files.Select(f => (IReadOnlyList<SitemapPage>)cultures.All
            .Select(c => new SitemapPage(c.Code, DownloadUrls.History(c.Code, f), Newest(f.Revisions.Select(r => r.PublishedUtc)))).ToList()));
        pages.AddRange(files.SelectMany(f => f.NewestFirst().Select(r => (IReadOnlyList<SitemapPage>)cultures.All
            .Select(c => new SitemapPage(c.Code, DownloadUrls.Revision(c.Code, f, r), r.PublishedUtc)).ToList())));
        return pages;
    }
}
