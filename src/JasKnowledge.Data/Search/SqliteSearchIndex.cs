using System.Data.Common;
using System.Text;
using JasKnowledge.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The search index in SQLite FTS5. Documents live in SearchDocuments (their plain text, for
/// snippets, in SearchTexts); their terms (made by <see cref="IndexTerms"/>, already stemmed and
/// folded) in the contentless FTS5 table SearchTerms with the same rowid, in four columns: title, body, and
/// the reversed stems of each for compound parts. The
/// "ascii" tokenizer only splits on the spaces between our terms and keeps every non-ASCII letter.
/// Order: title matches first, then texts before files (a file's page is one step further from
/// the words), then bm25.
/// </summary>
public sealed class SqliteSearchIndex(JasDbContext db) : ISearchIndex
{
    /// <summary>bm25 weights of title, body, title compound parts, body compound parts.</summary>
    private const string Rank = "bm25(SearchTerms, 10.0, 1.0, 4.0, 0.4)";

    public async Task ReplaceAsync(Guid source, SearchDocument? document, CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        var key = source.ToString();
        var existing = await session.ScalarAsync("SELECT RowId FROM SearchDocuments WHERE Source = @source", cancellationToken, ("source", key));
        if (existing is long rowId)
        {
            await session.ExecuteAsync("DELETE FROM SearchTerms WHERE rowid = @id", cancellationToken, ("id", rowId));
            await session.ExecuteAsync("DELETE FROM SearchTexts WHERE RowId = @id", cancellationToken, ("id", rowId));
            await session.ExecuteAsync("DELETE FROM SearchDocuments WHERE RowId = @id", cancellationToken, ("id", rowId));
        }
        if (document is null) return;

        var newId = (long)(await session.ScalarAsync(
            "INSERT INTO SearchDocuments (Source, Type, Culture, LocalizationSet, Slug, Title) VALUES (@source, @type, @culture, @set, @slug, " +
                "@title) RETURNING RowId",
            cancellationToken, ("source", key), ("type", document.Type), ("culture", document.Culture), ("set", document.LocalizationSet),
            ("slug", document.Slug), ("title", document.Title)))!;
        await session.ExecuteAsync(
            "INSERT INTO SearchTexts (RowId, Text) VALUES (@id, @text)", cancellationToken, ("id", newId), ("text", document.Text));
        var terms = IndexTerms.Of(document);
        await session.ExecuteAsync(
            "INSERT INTO SearchTerms (rowid, title, body, title_tails, body_tails) VALUES (@id, @title, @body, @titleTails, @bodyTails)",
            cancellationToken, ("id", newId), ("title", string.Join(' ', terms.Title)), ("body", string.Join(' ', terms.Body)),
            ("titleTails", string.Join(' ', terms.TitleTails)), ("bodyTails", string.Join(' ', terms.BodyTails)));
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.Query.HasTerms) return SearchResults.None;
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        return await session.SearchAsync(request, Match(request.Query, titleOnly: false), Match(request.Query, titleOnly: true),
            "SELECT d.Type, d.Culture, count(*) FROM SearchTerms JOIN SearchDocuments d ON d.RowId = SearchTerms.rowid WHERE SearchTerms MATCH " +
                "@match GROUP BY d.Type, d.Culture",
            $"""
            SELECT d.RowId FROM SearchTerms JOIN SearchDocuments d ON d.RowId = SearchTerms.rowid
            WHERE SearchTerms MATCH @match AND (@culture IS NULL OR d.Culture = @culture) AND (@type IS NULL OR d.Type = @type)
            ORDER BY SearchTerms.rowid IN (SELECT rowid FROM SearchTerms WHERE SearchTerms MATCH @title) DESC, d.Type = @files, {Rank}, d.Title, d.RowId
            LIMIT @take OFFSET @skip
            """,
            ids => $"SELECT d.RowId, Source, Type, Culture, LocalizationSet, Slug, Title, Text FROM SearchDocuments d JOIN SearchTexts t ON t.RowId = d.RowId WHERE d.RowId IN ({ids})",
            cancellationToken);
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        await session.ExecuteAsync("DELETE FROM SearchTerms", cancellationToken);
        await session.ExecuteAsync("DELETE FROM SearchTexts", cancellationToken);
        await session.ExecuteAsync("DELETE FROM SearchDocuments", cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await SearchSql.OpenAsync(db, cancellationToken);
        return Convert.ToInt32(await session.ScalarAsync("SELECT count(*) FROM SearchDocuments", cancellationToken));
    }

    /// <summary>The FTS5 expression. Every term is quoted and made only of letters and digits (see
    /// <see cref="TextAnalyzer"/>), so nothing a visitor types becomes FTS5 syntax.</summary>
    public static string Match(SearchQuery query, bool titleOnly)
    {
        var terms = titleOnly ? "{title}" : "{title body}";
        var tails = titleOnly ? "{title_tails}" : "{title_tails body_tails}";
        string Clause(SearchClause clause, bool withTails)
        {
            var alternatives = string.Join(" OR ", clause.Alternatives.Select(a => $"\"{string.Join(' ', a.Terms)}\"{(a.LastIsPrefix ? " *" : "")}"));
            var text = new StringBuilder($"{terms} : ({alternatives})");
            if (withTails && clause.CompoundPart is { } part) text.Append($" OR {tails} : \"{TextAnalyzer.Reverse(part)}\" *");
            return $"({text})";
        }
        var included = query.Included.Select(c => Clause(c, withTails: true));
        var expression = string.Join(titleOnly ? " OR " : " AND ", included);
        var excluded = query.Excluded.Select(c => Clause(c, withTails: false)).ToList();
        return titleOnly || excluded.Count == 0 ? expression : $"({expression}) NOT ({string.Join(" OR ", excluded)})";
    }
}
