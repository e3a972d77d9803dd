using System.Data.Common;
using JasKnowledge.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JasKnowledge.Data.Search;

/// <summary>Plain SQL on the context's own connection, inside its current transaction when there is
/// one (so index rows commit or roll back with the publication that wrote them).</summary>
internal sealed class SearchSql : IAsyncDisposable
{
    private readonly JasDbContext _db;
    private readonly bool _opened;

    private SearchSql(JasDbContext db, bool opened)
    {
        _db = db;
        _opened = opened;
    }

    public static async Task<SearchSql> OpenAsync(JasDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        return new SearchSql(db, opened);
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// The steps of a search, alike on both databases: counts per (type, culture) for the total and
    /// the facets; one page of row ids in rank order; then those documents, with snippets made here.
    /// The engine gives its SQL, which may use @match and @title (its query and the query's
    /// title-only form), @files, @culture, @type, @take and @skip; <paramref name="documentsSql"/>
    /// gets a list of row ids.
    /// </summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, string match, string titleMatch, string countsSql, string pageSql,
        Func<string, string> documentsSql, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(countsSql, cancellationToken, ("match", match));
        if (counts.Count == 0) return SearchResults.None;
        var ids = await IdsAsync(pageSql, cancellationToken, ("match", match), ("title", titleMatch),
            ("files", SearchIndexer.DownloadType), ("culture", request.Culture), ("type", request.Type),
            ("take", request.PageSize), ("skip", (request.Page - 1) * request.PageSize));
        var documents = ids.Count == 0 ? [] : await DocumentsAsync(documentsSql(IdList(ids)), cancellationToken);
        var hits = ids.Select(id => documents[id]).Select(d => new SearchHit(d, SearchSnippet.Build(d.Text, request.Query, d.Culture))).ToList();
        return SearchResults.From(counts, request, hits);
    }

    private async Task<List<(string Type, string Culture, int Count)>> CountsAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<(string, string, int)>();
        while (await reader.ReadAsync(cancellationToken)) counts.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2))));
        return counts;
    }

    private async Task<List<long>> IdsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Reads (RowId, Source, Type, Culture, LocalizationSet, Slug, Title, Text) rows.</summary>
    private async Task<Dictionary<long,
        SearchDocument>> DocumentsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new Dictionary<long, SearchDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = reader.GetValue(1) is Guid guid ? guid : Guid.Parse(reader.GetString(1));
            documents[reader.GetInt64(0)] = new SearchDocument(source, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7));
        }
        return documents;
    }

    /// <summary>Row ids for an IN list, formatted invariantly: under the culture of a request numbers
    /// need not be plain ASCII (an Arabic minus sign starts with a letter mark).</summary>
    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            // PostgreSQL must know the type of a null ("@culture IS NULL").
            if (value is null or string) parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_opened) await _db.Database.CloseConnectionAsync();
    }
}
