namespace JasKnowledge.Core.Search;

/// <summary>
/// The full-text index of published material. Rows are written by the same transaction that
/// publishes (the caller's), so a search never shows a draft or misses what is public. Two
/// implementations: SQLite FTS5 (embedded default) and PostgreSQL tsvector (server mode).
/// </summary>
public interface ISearchIndex
{
    /// <summary>Replaces what is indexed for a source (a content item or a file family); null removes it.</summary>
    Task ReplaceAsync(Guid source, SearchDocument? document, CancellationToken cancellationToken = default);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes every row, before a rebuild.</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>What is searchable of one published thing. <see cref="Type"/> is a content type or
/// "download"; the web layer turns Type, Culture and Slug into a URL.</summary>
public sealed record SearchDocument(Guid Source, string Type, string Culture, string LocalizationSet, string Slug, string Title, string Text);

/// <param name="Culture">Only documents in this language; null for all.</param>
/// <param name="Type">Only documents of this type; null for all.</param>
/// <param name="Page">1-based.</param>
public sealed record SearchRequest(SearchQuery Query, string? Culture, string? Type, int Page = 1, int PageSize = 10);

public sealed record SearchHit(SearchDocument Document, string SnippetHtml);

/// <summary>How many documents match for one value of a filter.</summary>
public sealed record SearchFacet(string Value, int Count);

/// <summary>The hits of one page. Facet counts per type apply the language filter but not the type
/// filter (and the other way round), so each facet shows what choosing it would give.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchFacet> Types, IReadOnlyList<SearchFacet> Cultures, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults None = new(0, [], [], []);

    /// <summary>Facets and totals from the match counts per (type, culture), so both databases count
    /// the same way from one grouped query.</summary>
    public static SearchResults From(
        IReadOnlyList<(string Type, string Culture, int Count)> counts, SearchRequest request, IReadOnlyList<SearchHit> hits)
    {
        bool TypeOk(string type) => request.Type is null || request.Type == type;
        bool CultureOk(string culture) => request.Culture is null || request.Culture == culture;
        var total = counts.Where(c => TypeOk(c.Type) && CultureOk(c.Culture)).Sum(c => c.Count);
        var types = counts.Where(c => CultureOk(c.Culture)).GroupBy(c => c.Type)
            .Select(g => new SearchFacet(g.Key, g.Sum(c => c.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();
        var cultures = counts.Where(c => TypeOk(c.Type)).GroupBy(c => c.Culture)
            .Select(g => new SearchFacet(g.Key, g.Sum(c => c.Count))).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();
        return new SearchResults(total, types, cultures, hits);
    }
}
