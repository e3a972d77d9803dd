using System.Globalization;
using System.Text;
using JasKnowledge.Core.Search;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The search index in PostgreSQL: one tsvector per document, built here from <see cref="IndexTerms"/>
/// rather than by to_tsvector, so PostgreSQL stores exactly the terms SQLite does. Title terms carry
/// weight A, body terms B; reversed stems for compound parts are marked with '~' and carry C (title)
/// or D (body). Queries are tsquery text made from quoted terms only.
/// </summary>
public sealed class PostgresSearchIndex(JasDbContext db) : ISearchIndex
{
    /// <summary>PostgreSQL keeps positions up to 16383 and at most 256 per term.</summary>
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerTerm = 255;
    private const string TailMark = "~";
    /// <summary>ts_rank weights for D, C, B, A.</summary>
    private const string Weights = "'{0.04, 0.2, 0.4, 1.0}'";

    public async Task ReplaceAsync(Guid source, SearchDocument? document, CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        await session.ExecuteAsync("""DELETE FROM "SearchDocuments" WHERE "Source" = @source""", cancellationToken, ("source", source));
        if (document is null) return;
        await session.ExecuteAsync(
            """
            INSERT INTO "SearchDocuments" ("Source", "Type", "Culture", "LocalizationSet", "Slug", "Title", "Text", "Terms")
            VALUES (@source, @type, @culture, @set, @slug, @title, @text, CAST(@terms AS tsvector))
            """,
            cancellationToken, ("source", source), ("type", document.Type), ("culture", document.Culture), ("set", document.LocalizationSet),
            ("slug", document.Slug), ("title", document.Title), ("text", document.Text), ("terms", Vector(IndexTerms.Of(document))));
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.Query.HasTerms) return SearchResults.None;
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        return await session.SearchAsync(request, TsQuery(request.Query, titleOnly: false), TsQuery(request.Query, titleOnly: true),
            """SELECT "Type", "Culture", count(*) FROM "SearchDocuments" WHERE "Terms" @@ CAST(@match AS tsquery) GROUP BY "Type", "Culture" """,
            $"""
            SELECT "RowId" FROM "SearchDocuments"
            WHERE "Terms" @@ CAST(@match AS tsquery) AND (@culture IS NULL OR "Culture" = @culture) AND (@type IS NULL OR "Type" = @type)
            ORDER BY "Terms" @@ CAST(@title AS tsquery) DESC, "Type" = @files, ts_rank({Weights}, "Terms", CAST(@match AS tsquery)) DESC, "Title", "RowId"
            LIMIT @take OFFSET @skip
            """,
            ids => $"""SELECT "RowId", "Source", "Type", "Culture", "LocalizationSet", "Slug", "Title", "Text" FROM "SearchDocuments" WHERE "RowId" IN ({ids})""",
            cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        await session.ExecuteAsync("""DELETE FROM "SearchDocuments" """, cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        return Convert.ToInt32(await session.ScalarAsync("""SELECT count(*) FROM "SearchDocuments" """, cancellationToken));
    }

    /// <summary>The tsvector text: 'term':1A,7A 'other':3B '~reversed':3D …</summary>
    public static string Vector(IndexTerms terms)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string lexeme, int position, char weight)
        {
            if (!positions.TryGetValue(lexeme, out var list)) positions[lexeme] = list = [];
            if (list.Count < MaxPositionsPerTerm) list.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Min(position, MaxPosition)}{weight}"));
        }
        for (var i = 0; i < terms.Title.Count; i++) Add(terms.Title[i], i + 1, 'A');
        // A gap after the title, so a phrase never runs from the title into the text.
        var bodyStart = terms.Title.Count + 2;
        for (var i = 0; i < terms.Body.Count; i++) Add(terms.Body[i], bodyStart + i, 'B');
        foreach (var tail in terms.TitleTails) Add(TailMark + tail, 1, 'C');
        foreach (var tail in terms.BodyTails) Add(TailMark + tail, bodyStart, 'D');
        return string.Join(' ', positions.Select(p => $"{Quote(p.Key)}:{string.Join(',', p.Value)}"));
    }

    /// <summary>The tsquery text: clauses joined by &amp;, alternatives by |, phrases with &lt;-&gt;,
    /// exclusions with !. In the title-only form any included clause may match, in weight A or C.</summary>
    public static string TsQuery(SearchQuery query, bool titleOnly)
    {
        var termWeight = titleOnly ? "A" : "";
        var tailWeight = titleOnly ? "C" : "";
        string Term(string term, bool prefix) => prefix || termWeight.Length > 0 ? $"{Quote(term)}:{(prefix ? "*" : "")}{termWeight}" : Quote(term);
        string Clause(SearchClause clause, bool withTails)
        {
            var alternatives = clause.Alternatives.Select(a =>
                string.Join(" <-> ", a.Terms.Select((t, i) => Term(t, a.LastIsPrefix && i == a.Terms.Count - 1)))).ToList();
            if (withTails && clause.CompoundPart is { } part) alternatives.Add($"{Quote(TailMark + TextAnalyzer.Reverse(part))}:*{tailWeight}");
            return $"({string.Join(" | ", alternatives.Select(a => $"({a})"))})";
        }
        var included = string.Join(titleOnly ? " | " : " & ", query.Included.Select(c => Clause(c, withTails: true)));
        if (titleOnly) return included;
        var excluded = query.Excluded.Select(c => $"!{Clause(c, withTails: false)}");
        return string.Join(" & ", excluded.Prepend(included));
    }

    /// <summary>Terms are letters and digits only; quoting guards the syntax all the same.</summary>
    private static string Quote(string term) => $"'{term.Replace("\\", "\\\\").Replace("'", "''")}'";
}
