using JasKnowledge.Core.Modules;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes;

/// <summary>The module's pages for /sitemap.xml, in Dutch only: the adoption view, the blueprints and
/// the page of every municipality of the CBS list (also those without a record: their page says so).</summary>
public sealed class ProgrammesSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var gemeenten = await services.GetRequiredService<GemeentenRegister>().GetAsync(cancellationToken);
        IEnumerable<string> paths = [ProgrammeUrls.Adoption, ProgrammeUrls.Blueprints, .. gemeenten.All.Select(g => ProgrammeUrls.Municipality(g.Slug))];
        return paths.Select(path => (IReadOnlyList<SitemapPage>)[new SitemapPage(ProgrammeContentTypes.Culture, path)]).ToList();
    }
}
