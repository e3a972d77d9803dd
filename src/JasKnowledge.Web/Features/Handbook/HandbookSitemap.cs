using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The handbook's own pages (session sheets, the printable handbook, the editions and each
/// edition compared with the one before) in the languages the handbook exists in, as each page names
/// them in its hreflang links. The same paths under other language prefixes show the handbook in a
/// fallback language and are not pages of their own. (The home page and the chapters are published items, listed with the other items.)</summary>
public sealed class HandbookSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cultures = services.GetRequiredService<CultureCatalog>();
        var handbook = await services.GetRequiredService<HandbookReader>().LoadAsync(cultures.Default.Code, cancellationToken);
        var editions = await services.GetRequiredService<HandbookEditions>().ListAsync(cancellationToken);
        IReadOnlyList<SitemapPage> Group(string path, DateTime? modified = null) =>
            handbook.Languages.Select(l => new SitemapPage(l, $"/{l}{path}", modified)).ToList();
        var latest = handbook.Chapters.Select(c => c.Version.PublishedUtc).Max();

        var pages = new List<IReadOnlyList<SitemapPage>>
        {
            Group("/handboek/sessies", handbook.Sessions.Select(c => c.Version.PublishedUtc).Max()),
            Group("/handboek/afdrukken", latest),
            Group("/handboek/edities", editions.Count > 0 ? editions.Max(e => e.PublishedUtc) : null),
        };
        pages.AddRange(handbook.Sessions.Select(s => Group($"/handboek/{s.Slug}/sessie", s.Version.PublishedUtc)));
        pages.AddRange(editions.Select(e => Group($"/handboek/edities/{Uri.EscapeDataString(e.Version)}", e.PublishedUtc)));
        // Each edition compared with the one before it, as its release notes link to it.
        pages.AddRange(editions.Zip(editions.Skip(1))
            .Where(pair => pair.First.SourceFile is not null && pair.Second.SourceFile is not null)
            .Select(pair => Group(
                $"/handboek/edities/{Uri.EscapeDataString(pair.Second.Version)}...{Uri.EscapeDataString(pair.First.Version)}",
                pair.First.PublishedUtc)));
        return pages.Where(g => g.Count > 0);
    }
}
