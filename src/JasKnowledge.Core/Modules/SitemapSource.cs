using JasKnowledge.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Core.Modules;

/// <summary>One public page for /sitemap.xml: its language ("" for a page in no one language, such as
/// /talen), its path and, where known, when its content was last published.</summary>
public sealed record SitemapPage(string Culture, string Path, DateTime? LastModifiedUtc = null);

/// <summary>A feature's or module's public pages for /sitemap.xml: each group is one page in the
/// languages it exists in (the alternates of one another).</summary>
public interface ISitemapSource
{
    Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A page at /{culture}/{Path} in the given languages, or in every configured language
/// (lists, overviews).</summary>
public sealed record SitemapPath(string Path, params string[] Cultures) : ISitemapSource
{
    public Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var codes = Cultures.Length > 0 ? Cultures : services.GetRequiredService<CultureCatalog>().All.Select(c => c.Code).ToArray();
        IReadOnlyList<SitemapPage> group = codes.Select(code => new SitemapPage(code, $"/{code}/{Path}".TrimEnd('/'))).ToList();
        return Task.FromResult<IEnumerable<IReadOnlyList<SitemapPage>>>([group]);
    }
}

/// <summary>A page outside the language prefixes, in no one language (the language choice).</summary>
public sealed record SitemapUrl(string Path) : ISitemapSource
{
    public Task<IEnumerable<IReadOnlyList<SitemapPage>>> PagesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<IReadOnlyList<SitemapPage>>>([[new SitemapPage("", Path)]]);
}
