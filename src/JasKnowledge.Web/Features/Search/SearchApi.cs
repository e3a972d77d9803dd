using System.Globalization;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Features.Search;

/// <summary>GET /api/v1/search?q=&amp;lang=&amp;type=&amp;page= → {query, queryCut, alsoSearchedFor, suggestion, total,
/// facets, results}: what the search page shows, as data. Any q gives 200; an unknown language or type is a 400 that
/// names the valid ones. With Jas:Search:ServerTiming on, a Server-Timing header says how long the search index took.</summary>
public static class SearchApi
{
    public static async Task<IResult> GetAsync(
        string? q, string? lang, string? type, string? page, PortalSearch search, CultureCatalog cultures, IOptions<SearchApiOptions> options,
        HttpResponse response, CancellationToken cancellationToken)
    {
        lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim();
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
        if (lang is not null)
        {
            if (cultures.Find(lang) is not { } culture)
                return Problem(
                    "Unknown language",
                    $"'{Excerpt.Of(lang, 20)}' is not a language of this portal. Use one of: {string.Join(", ", cultures.All.Select(c => c.Code))}.");
            // ?lang=NL is Dutch: the index holds the code as the catalogue writes it (NL had found nothing, facets saying nl: 45).
            lang = culture.Code;
        }
        if (type is not null && !search.IsType(type))
            return Problem(
                "Unknown type", $"'{Excerpt.Of(type, 20)}' is not a type of material. Use one of: {string.Join(", ", search.Types.Select(t => t.Type))}.");
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, out pageNumber) || pageNumber < 1))
            return Problem("Invalid page", $"page must be a whole number from 1 (pages beyond {PortalSearch.MaxPage} are served empty).");

        var outcome = await search.SearchAsync(q, lang, type, pageNumber, cancellationToken);
        if (options.Value.ServerTiming) response.Headers["Server-Timing"] = ServerTiming(outcome.IndexTime);
        // Past the last page (or past 100) the search page shows the last one (an old link still leads somewhere); a client of
        // the API that pages on until a page is empty got that last page again for ever (the attack of 6 December 2026): it
        // gets an empty one.
        var pastTheEnd = pageNumber > outcome.Page;
        return TypedResults.Ok(new SearchResponse(
            outcome.Query.Text,
            outcome.Query.WasCut,
            outcome.Results.AlsoSearchedFor,
            outcome.Results.Suggestion,
            outcome.Results.Total,
            pageNumber,
            outcome.PageCount,
            new SearchFacets(
                outcome.Results.Types.ToDictionary(f => f.Value, f => f.Count),
                outcome.Results.Cultures.ToDictionary(f => f.Value, f => f.Count)),
            pastTheEnd ? [] : outcome.Hits.Select(h => new SearchResultDto(h.Title, h.Url, h.Type, h.Culture, h.SnippetHtml, h.Section)).ToList()));
    }

    /// <summary>The index's share of the answer, as Server-Timing writes a duration: milliseconds, a point, no unit.</summary>
    public static string ServerTiming(TimeSpan indexTime) =>
        string.Create(CultureInfo.InvariantCulture, $"index;dur={indexTime.TotalMilliseconds:0.###};desc=\"search index\"");

    private static IResult Problem(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);


    /// <param name="Query">What was searched: the text as typed, trimmed, and cut to its first 200 characters.</param>
    /// <param name="QueryCut">True when the text was longer than 200 characters and only its start was searched.</param>
    /// <param name="AlsoSearchedFor">Words of the index that were searched in place of typed words that occur nowhere
    /// (typing mistakes): "gesprk" → "gesprek". Empty when every word was found as typed.</param>
    /// <param name="Suggestion">When nothing was found: the query with its words replaced by the closest words of the
    /// index ("did you mean"); null otherwise.</param>
    public sealed record SearchResponse(
        string Query, bool QueryCut, IReadOnlyList<string> AlsoSearchedFor, string? Suggestion, int Total, int Page, int PageCount,
        SearchFacets Facets, IReadOnlyList<SearchResultDto> Results);
    /// <summary>Counts per type and per language: what choosing that filter would give.</summary>
    public sealed record SearchFacets(IReadOnlyDictionary<string, int> Type, IReadOnlyDictionary<string, int> Lang);
    /// <param name="Snippet">HTML: escaped text with the matched words in &lt;mark&gt;.</param>
    /// <param name="Section">The heading the snippet comes from and the address of that place on the page; null when
    /// the snippet is not under a heading (the summary, a text without headings, a title-only match).</param>
    public sealed record SearchResultDto(string Title, string Url, string Type, string Culture, string Snippet, SearchResultSection? Section);
}
