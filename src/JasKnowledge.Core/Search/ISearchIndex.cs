namespace JasKnowledge.Core.Search;

/// <summary>
/// A search engine that follows the search outbox: the database table where every publication writes
/// the search document of what it changed, with a sequence number, in its own transaction. The engine
/// applies those changes in sequence order and keeps the last one it applied with them, so it always
/// knows where to continue. Today: Lucene.Net on each node's disk. A distributed engine
/// (OpenSearch/Elasticsearch) would be a second implementation that follows the same outbox.
/// </summary>
public interface ISearchIndex
{
    /// <summary>The sequence of the last change applied (0 for an empty index). Durable: after a crash
    /// it is the sequence of the last change that was committed with the index.</summary>
    long AppliedSequence { get; }

    /// <summary>Applies changes given in ascending sequence order; changes at or below
    /// <see cref="AppliedSequence"/> are skipped, so a change is never applied twice.</summary>
    Task ApplyAsync(IReadOnlyList<SearchChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Empties the index (applied sequence 0), before it is filled again from the outbox.</summary>
    Task ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>Tidies the index after a large catch-up (a rebuild, a node that was away), so that
    /// searches read as few parts of it as possible. Not called after everyday changes.</summary>
    Task CompactAsync(CancellationToken cancellationToken = default);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>One row of the outbox: the document of a source as it is now, or null when the source is
/// no longer public.</summary>
public sealed record SearchChange(long Sequence, Guid Source, SearchDocument? Document);

/// <summary>What is searchable of one published thing. <see cref="Type"/> is a content type or
/// "download"; the web layer turns Type, Culture and Slug into a URL. <see cref="Text"/> is the body
/// (for a download: the release notes of its versions); a hit's document leaves it empty (its snippet
/// shows the part that matched). <see cref="Sections"/> are the headings of the text with where each starts in
/// it; null for a document recorded before they were (the outbox is then written again at start-up).</summary>
public sealed record SearchDocument(
    Guid Source, string Type, string Culture, string LocalizationSet, string Slug, string Title, string Summary, string Text,
    IReadOnlyList<SearchSection>? Sections = null) : Content.IContentAddress;

/// <summary>A heading of a document's text: its anchor on the page, its words, and where it starts in the text.
/// A section without an anchor marks where the body ends: what follows (a film's subtitles) belongs to no section.</summary>
public sealed record SearchSection(string Id, string Title, int Start)
{
    /// <summary>The sections as one line each (start, anchor, title; tabs between), as the outbox and the index keep them.</summary>
    public static string Join(IEnumerable<SearchSection> sections) =>
        string.Join('\n', sections.Select(s => $"{s.Start}\t{Clean(s.Id)}\t{Clean(s.Title)}"));

    /// <summary>The sections <see cref="Join"/> wrote; a line that is not one is left out.</summary>
    public static IReadOnlyList<SearchSection> Split(string? joined)
    {
        var sections = new List<SearchSection>();
        foreach (var line in (joined ?? "").Split('\n'))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start))
                sections.Add(new SearchSection(parts[1], parts[2], start));
        }
        return sections;
    }

    /// <summary>The section a place in the text is in: the last heading at or before it; none before the first
    /// heading or after the end of the body.</summary>
    public static SearchSection? At(IReadOnlyList<SearchSection>? sections, int place)
    {
        SearchSection? found = null;
        foreach (var section in sections ?? [])
        {
            if (section.Start > place) break;
            found = section;
        }
        return found is { Id.Length: > 0 } ? found : null;
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}

/// <param name="Culture">Only documents in this language; null for all.</param>
/// <param name="Type">Only documents of this type; null for all.</param>
/// <param name="Page">1-based.</param>
/// <param name="PreferredCulture">The visitor's language: its documents rank first when all languages are searched.</param>
/// <param name="Synonyms">Other ways to write the query (a glossary term in Dutch and in the visitor's language): a
/// document matching any of them matches too.</param>
public sealed record SearchRequest(
    SearchQuery Query, string? Culture, string? Type, int Page = 1, int PageSize = 10, string? PreferredCulture = null,
    IReadOnlyList<SearchQuery>? Synonyms = null);

/// <param name="Section">The section of the text the snippet comes from, when it comes from one.</param>
public sealed record SearchHit(SearchDocument Document, string SnippetHtml, SearchSection? Section = null);

/// <summary>How many documents match for one value of a filter.</summary>
public sealed record SearchFacet(string Value, int Count);

/// <summary>The hits of one page. Facet counts per type apply the language filter but not the type
/// filter (and the other way round), so each facet shows what choosing it would give.</summary>
/// <param name="AlsoSearchedFor">Index words that were searched for in place of typed words that
/// have no exact match ("ook gezocht op").</param>
/// <param name="Suggestion">When nothing was found: the query with its words replaced by the closest
/// words in the index ("Bedoelde u …?"), or null.</param>
public sealed record SearchResults(
    int Total, IReadOnlyList<SearchFacet> Types, IReadOnlyList<SearchFacet> Cultures, IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<string> AlsoSearchedFor, string? Suggestion)
{
    public static readonly SearchResults None = new(0, [], [], [], [], null);

    /// <summary>Facets and totals from the match counts per (type, culture).</summary>
    public static SearchResults From(
        IReadOnlyList<(string Type, string Culture, int Count)> counts, SearchRequest request, IReadOnlyList<SearchHit> hits,
        IReadOnlyList<string> alsoSearchedFor, string? suggestion)
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
        return new SearchResults(total, types, cultures, hits, alsoSearchedFor, suggestion);
    }
}
