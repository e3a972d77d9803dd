using System.Xml;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Content;

namespace JasKnowledge.Web.Features.Sitemap;

/// <summary>A feature's public pages for /sitemap.xml: each group is one page in the languages it
/// exists in (the alternates of one another).</summary>
public interface ISitemapSource
{
    Task<IEnumerable<IReadOnlyList<PageAlternate>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A page that exists in every language at /{culture}/{Path} (lists, overviews).</summary>
public sealed record SitemapPath(string Path) : ISitemapSource
{
    public Task<IEnumerable<IReadOnlyList<PageAlternate>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var cultures = services.GetRequiredService<CultureCatalog>();
        IReadOnlyList<PageAlternate> group = cultures.All.Select(c => new PageAlternate(c.Code, $"/{c.Code}/{Path}".TrimEnd('/'))).ToList();
        return Task.FromResult<IEnumerable<IReadOnlyList<PageAlternate>>>([group]);
    }
}

/// <summary>Every published item that has a page, with its translations as alternates.</summary>
public sealed class PublishedItemsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<PageAlternate>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var urls = services.GetRequiredService<ContentUrls>();
        var published = await services.GetRequiredService<PublishedContent>().ListAsync(null, null, cancellationToken);
        return published
            .Select(p => (p.Item, Url: urls.For(p.Item)))
            .Where(p => p.Url is not null)
            .GroupBy(p => p.Item.LocalizationSet)
            .Select(g => (IReadOnlyList<PageAlternate>)g.Select(p => new PageAlternate(p.Item.Culture, p.Url!)).ToList())
            .ToList();
    }
}

public static class SitemapFeature
{
    public const string Url = "/sitemap.xml";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IServiceCollection AddSitemapFeature(this IServiceCollection services) =>
        services.AddSingleton<ISitemapSource, PublishedItemsSitemap>();

    /// <summary>Registers a page that exists in every language at /{culture}/{path}.</summary>
    public static IServiceCollection AddSitemapPath(this IServiceCollection services, string path) =>
        services.AddSingleton<ISitemapSource>(new SitemapPath(path));

    public static IEndpointRouteBuilder MapSitemapFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Url, async (HttpContext http, IEnumerable<ISitemapSource> sources, CancellationToken cancellationToken) =>
        {
            var origin = $"{http.Request.Scheme}://{http.Request.Host}";
            var groups = new List<IReadOnlyList<PageAlternate>>();
            foreach (var source in sources) groups.AddRange(await source.PagesAsync(http.RequestServices, cancellationToken));

            http.Response.ContentType = "application/xml; charset=utf-8";
            await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
            await writer.WriteStartDocumentAsync();
            await writer.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            await writer.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var group in groups)
            {
                foreach (var page in group)
                {
                    await writer.WriteStartElementAsync(null, "url", SitemapNamespace);
                    await writer.WriteElementStringAsync(null, "loc", SitemapNamespace, origin + page.Url);
                    if (group.Count > 1)
                    {
                        foreach (var alternate in group)
                        {
                            await writer.WriteStartElementAsync("xhtml", "link", XhtmlNamespace);
                            await writer.WriteAttributeStringAsync(null, "rel", null, "alternate");
                            await writer.WriteAttributeStringAsync(null, "hreflang", null, alternate.Culture);
                            await writer.WriteAttributeStringAsync(null, "href", null, origin + alternate.Url);
                            await writer.WriteEndElementAsync();
                        }
                    }
                    await writer.WriteEndElementAsync();
                }
            }
            await writer.WriteEndElementAsync();
            await writer.WriteEndDocumentAsync();
        }).ExcludeFromDescription();
        return endpoints;
    }
}
