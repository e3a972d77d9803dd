using System.Diagnostics;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Markdown;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Search;
using JasKnowledge.Core.Telemetry;
using JasKnowledge.Core.Translations;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Downloads;

namespace JasKnowledge.Web.Features.Search;

/// <summary>One hit as the page and the API show it; <paramref name="Section"/> is the heading its snippet is under, with a link to it.</summary>
public sealed record SearchResultView(string Title, string Url, string Type, string Culture, string SnippetHtml, SearchResultSection? Section);

/// <summary>The section of a page a hit's snippet comes from: its heading and the page's address with the heading's anchor.</summary>
public sealed record SearchResultSection(string Title, string Url);

/// <param name="IndexTime">How long the search index took to answer (both askings when the page was past the end).</param>
public sealed record SearchOutcome(
    SearchQuery Query, string? Culture, string? Type, int Page, int PageCount, SearchResults Results, IReadOnlyList<SearchResultView> Hits,
    TimeSpan IndexTime);

/// <summary>Runs a search for the page and the API alike and turns hits into links.</summary>
public sealed class PortalSearch(
    ISearchIndex index, ContentUrls urls, IEnumerable<SearchTypeLabel> labels, PortalMetrics metrics, Glossary glossary, CultureCatalog cultures,
    SearchQueryRecorder recorder)
{
    public const int PageSize = 10;
    /// <summary>Deeper pages are not useful to anyone and cost the database; the last one is shown.</summary>
    public const int MaxPage = 100;

    public IReadOnlyList<SearchTypeLabel> Types { get; } = labels.OrderBy(l => l.Order).ToList();

    public bool IsType(string? type) => Types.Any(t => t.Type == type);

    /// <param name="visitorCulture">The visitor's language: its hits come first when all languages are searched.</param>
    /// <param name="counted">Whether the search counts for /beheer/zoekvragen: not when an editor, signed in, checks a query.</param>
    public async Task<SearchOutcome> SearchAsync(
        string? text, string? culture, string? type, int page, CancellationToken cancellationToken, string? visitorCulture = null,
        bool counted = true)
    {
        using var measured = metrics.MeasureSearch();
        var query = SearchQuery.Parse(text);
        page = Math.Clamp(page, 1, MaxPage);
        // A glossary term in any language also searches its Dutch form and the visitor's (query time: no reindex).
        var synonymCulture = visitorCulture ?? (cultures.Contains(culture) ? culture! : cultures.Default.Code);
        var synonyms = glossary.SynonymQueries(query, cultures.Default.Code, synonymCulture);
        var request = new SearchRequest(query, culture, type, page, PageSize, visitorCulture, synonyms);
        var asked = Stopwatch.GetTimestamp();
        var results = await index.SearchAsync(request, cancellationToken);
        var indexTime = Stopwatch.GetElapsedTime(asked);
        if (counted && page == 1) recorder.Record(query, visitorCulture ?? culture, results.Total == 0);
        var pageCount = Math.Min(MaxPage, (results.Total + PageSize - 1) / PageSize);
        if (page > pageCount && pageCount > 0)
        {
            // Past the end (an old link): show the last page rather than an empty one.
            page = pageCount;
            asked = Stopwatch.GetTimestamp();
            results = await index.SearchAsync(request with { Page = page }, cancellationToken);
            indexTime += Stopwatch.GetElapsedTime(asked);
        }
        var hits = results.Hits.Select(h =>
        {
            var url = UrlOf(h.Document);
            var section = h.Section is { } s ? new SearchResultSection(s.Title, $"{url}#{Uri.EscapeDataString(s.Id)}") : null;
            return new SearchResultView(h.Document.Title, url, h.Document.Type, h.Document.Culture, SafeHtml.Sanitize(h.SnippetHtml), section);
        }).ToList();
        return new SearchOutcome(query, culture, type, page, pageCount, results, hits, indexTime);
    }

    private string UrlOf(SearchDocument document)
    {
        if (document.Type == SearchIndexer.DownloadType)
            return DownloadUrls.History(document.Culture, new Asset { Slug = document.Slug, Culture = document.Culture, Title = document.Title });
        return urls.For(document) ?? $"/{document.Culture}";
    }
}
