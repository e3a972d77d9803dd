using System.Globalization;
using System.Xml;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Sitemap;

/// <summary>Every published item that has a page, with its translations as alternates and the date
/// its shown version was published.</summary>
public sealed class PublishedItemsSitemap : ISitemapSource
{
    public async Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var urls = services.GetRequiredService<ContentUrls>();
        var published = await services.GetRequiredService<PublishedContent>().ListAsync(null, null, cancellationToken);
        return published
            .Select(p => (p.Item, p.Version, Url: urls.For(p.Item)))
            .Where(p => p.Url is not null)
            .GroupBy(p => p.Item.LocalizationSet)
            .Select(g => (IReadOnlyList<SitemapPage>)g.Select(p => new SitemapPage(p.Item.Culture, p.Url!, p.Version.PublishedUtc)).ToList())
            .ToList();
    }
}

public static class SitemapFeature
{
    public const string Url = "/sitemap.xml";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IServiceCollection AddSitemapFeature(this IServiceCollection services) =>
        services.AddSitemapSource<PublishedItemsSitemap>();

    public static IEndpointRouteBuilder MapSitemapFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Url, async (HttpContext http, IEnumerable<ISitemapSource> sources, CancellationToken cancellationToken) =>
        {
            var origin = PublicOrigin.Of(http);
            var groups = new List<IReadOnlyList<SitemapPage>>();
            foreach (var source in sources) groups.AddRange(await source.PagesAsync(http.RequestServices, cancellationToken));
            // A page two sources know (a municipality with a published record is both a content item and
            // a municipality of the register) is listed once, from a source that knows its date.
            groups = groups.OrderBy(g => g.Any(p => p.LastModifiedUtc is not null) ? 0 : 1).ToList();
            var listed = new HashSet<string>(StringComparer.Ordinal);

            http.Response.ContentType = "application/xml; charset=utf-8";
            await using var writer = XmlWriter.Create(
                http.Response.Body, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
            await writer.WriteStartDocumentAsync();
            await writer.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            await writer.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var group in groups)
            {
                foreach (var page in group)
                {
                    if (!listed.Add(page.Path)) continue;
                    await writer.WriteStartElementAsync(null, "url", SitemapNamespace);
                    await writer.WriteElementStringAsync(null, "loc", SitemapNamespace, origin + page.Path);
                    if (page.LastModifiedUtc is { } modified)
                        await writer.WriteElementStringAsync(
                            null, "lastmod", SitemapNamespace, modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    // A page alone in its language names no alternates here; its own lone
                    // self-reference in the page says nothing more.
                    if (group.Count > 1)
                    {
                        foreach (var alternate in group)
                        {
                            await writer.WriteStartElementAsync("xhtml", "link", XhtmlNamespace);
                            await writer.WriteAttributeStringAsync(null, "rel", null, "alternate");
                            await writer.WriteAttributeStringAsync(null, "hreflang", null, alternate.Culture);
                            await writer.WriteAttributeStringAsync(null, "href", null, origin + alternate.Path);
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
