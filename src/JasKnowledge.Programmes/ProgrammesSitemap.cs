using JasKnowledge.Core.Modules;
using JasKnowledge.Programmes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes;

/// <summary>The pages about municipalities, in Dutch only: the adoption overview, the comparison (its
/// form; what it compares is in the query), the blueprints list
/// and every municipality of the register (also those the portal knows nothing of yet), with the
/// date its record was published where it has one. The blueprints and the municipalities' records are
/// published items as well; the sitemap lists each page once.</summary>
public sealed class ProgrammesSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string dutch = ProgrammeContentTypes.Culture;
        var data = await services.GetRequiredService<ProgrammeCatalog>().LoadAsync(cancellationToken);
        IReadOnlyList<SitemapPage> Page(string url, DateTime? modified = null) => [new SitemapPage(dutch, url, modified)];
        return new[] { Page(ProgrammeUrls.Adoption), Page(ProgrammeUrls.Compare), Page(ProgrammeUrls.Blueprints) }
            .Concat(data.Municipalities.Select(m => Page(ProgrammeUrls.Municipality(m.Gemeente.Slug), m.Record?.PublishedUtc)))
            .ToList();
    }
}
