using System.Data.Common;
using JasKnowledge.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JasKnowledge.Data.Search;

/// <summary>
/// The search outbox in the database, the truth every node's index follows: one row per source with
/// its current document (or none once it is no longer public) under a sequence number that grows with
/// every change. Written on the context's connection inside the publishing transaction, so a row
/// commits or rolls back with the publication and its audit entry. Plain SQL (the sequence needs a
/// lock on PostgreSQL, and writes delete and insert in one step); the model describes the table
/// (<see cref="SearchOutboxRow"/>) only so that the migrations create it.
/// </summary>
public sealed class SearchOutbox(JasDbContext db, TimeProvider clock)
{
    /// <summary>Any fixed number: the PostgreSQL advisory lock that makes outbox writers take turns.</summary>
    private const long WriterLock = 18_0001;

    private bool IsPostgreSql => db.Database.IsNpgsql();
    private string Table => IsPostgreSql ? "\"SearchOutbox\"" : "SearchOutbox";

    /// <summary>Records the document of a source (null: no longer searchable) under a new sequence
    /// number. Call inside the publishing transaction.</summary>
    public async Task RecordAsync(Guid source, SearchDocument? document, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        // PostgreSQL hands out identity values before commit: without turns, sequence 11 could commit
        // before 10 and a node that read 11 would never see 10. With the lock held to the commit,
        // numbers commit in order. SQLite has one writer at a time anyway.
        if (IsPostgreSql) await session.ExecuteAsync($"SELECT pg_advisory_xact_lock({WriterLock})", cancellationToken);
        var key = Key(source);
        await session.ExecuteAsync($"DELETE FROM {Table} WHERE {Q("Source")} = @source", cancellationToken, ("source", key));
        await session.ExecuteAsync(
            $"""
            INSERT INTO {Table} ({Q("Source")}, {Q("Type")}, {Q("Culture")}, {Q("LocalizationSet")}, {Q("Slug")}, {Q("Title")}, {Q("Summary")},
                {Q("Text")}, {Q("Sections")}, {Q("ChangedUnixMs")})
            VALUES (@source, @type, @culture, @set, @slug, @title, @summary, @text, @sections, @changed)
            """,
            cancellationToken, ("source", key), ("type", document?.Type), ("culture", document?.Culture), ("set", document?.LocalizationSet),
            ("slug", document?.Slug), ("title", document?.Title), ("summary", document?.Summary), ("text", document?.Text),
            ("sections", document is null ? null : SearchSection.Join(document.Sections ?? [])),
            ("changed", clock.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    /// <summary>The changes after a sequence number, in order.</summary>
    public async Task<IReadOnlyList<SearchChange>> ChangesAfterAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var command = session.Command(
            $"""
            SELECT {Q("Sequence")}, {Q("Source")}, {Q("Type")}, {Q("Culture")}, {Q("LocalizationSet")}, {Q("Slug")}, {Q("Title")},
                {Q("Summary")}, {Q("Text")}, {Q("Sections")}
            FROM {Table} WHERE {Q("Sequence")} > @after ORDER BY {Q("Sequence")} LIMIT @limit
            """,
            ("after", sequence), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<SearchChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = reader.GetValue(1) is Guid guid ? guid : Guid.Parse(reader.GetString(1));
            var document = reader.IsDBNull(2) ? null : new SearchDocument(source, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : SearchSection.Split(reader.GetString(9)));
            changes.Add(new SearchChange(reader.GetInt64(0), source, document));
        }
        return changes;
    }

    /// <summary>Where the outbox stands compared with an index that applied up to
    /// <paramref name="applied"/>: the lowest and highest sequence in the table, how many changes the
    /// index lacks, and since when the oldest of them waits.</summary>
    public async Task<OutboxPosition> PositionAsync(long applied, CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var command = session.Command(
            $"""
            SELECT min({Q("Sequence")}), max({Q("Sequence")}),
                (SELECT count(*) FROM {Table} WHERE {Q("Sequence")} > @applied),
                (SELECT min({Q("ChangedUnixMs")}) FROM {Table} WHERE {Q("Sequence")} > @applied)
            FROM {Table}
            """,
            ("applied", applied));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long? Long(int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i));
        var oldest = Long(3);
        return new OutboxPosition(Long(0) ?? 0, Long(1) ?? 0, Long(2) ?? 0,
            oldest is null ? TimeSpan.Zero : clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(oldest.Value));
    }

    /// <summary>Whether a document was recorded before documents had their sections: the outbox is then
    /// written again (<see cref="SearchIndexer.IsCompleteAsync"/>), so every hit can lead to its section.</summary>
    public async Task<bool> HoldsDocumentsWithoutSectionsAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var command = session.Command(
            $"SELECT 1 FROM {Table} WHERE {Q("Type")} IS NOT NULL AND {Q("Sections")} IS NULL LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The sources that have a document now.</summary>
    public async Task<IReadOnlyList<Guid>> SearchableSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var command = session.Command($"SELECT {Q("Source")} FROM {Table} WHERE {Q("Type")} IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sources = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken)) sources.Add(reader.GetValue(0) is Guid guid ? guid : Guid.Parse(reader.GetString(0)));
        return sources;
    }

    private string Q(string column) => IsPostgreSql ? $"\"{column}\"" : column;

    private object Key(Guid source) => IsPostgreSql ? source : source.ToString();

    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        return new Session(db, opened);
    }

    /// <summary>Commands on the context's connection, in its current transaction when there is one.</summary>
    private sealed class Session(JasDbContext db, bool opened) : IAsyncDisposable
    {
        public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(sql, parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                // PostgreSQL must know the type of a null.
                if (value is null or string) parameter.DbType = System.Data.DbType.String;
                command.Parameters.Add(parameter);
            }
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}

/// <param name="Lowest">The lowest sequence in the table (0 when it is empty).</param>
/// <param name="Latest">The highest sequence in the table (0 when it is empty).</param>
/// <param name="Behind">Changes the index has not applied yet.</param>
/// <param name="Waiting">How long the oldest of those has waited.</param>
public sealed record OutboxPosition(long Lowest, long Latest, long Behind, TimeSpan Waiting);
