using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace JasKnowledge.Data.Backup;

/// <summary>
/// The whole site in one folder, to restore into an empty database and blob container: every table of
/// the model (content with its history, file revisions, audit log, accounts, data-protection keys) as
/// JSON Lines, read in one transaction so they agree with each other, and every file the revisions
/// point to, under its key, with a manifest of hashes. The search index is not kept: a restore
/// rebuilds it. Rows are written by column and value, not in an engine's own dump format.
/// The folder holds password hashes and key material: keep it as secret as the database.
/// </summary>
public sealed class SiteBackup(JasDbContext db, IBlobStore blobs, SearchIndexer search)
{
    public const int Format = 1;
    public const string ManifestFile = "backup.json";
    public const string BlobFolder = "blobs";
    private const string TableFolder = "tables";

    public sealed record Manifest(int Format, DateTime CreatedUtc, string Migration, List<TableEntry> Tables, List<BlobEntry> Blobs);
    public sealed record TableEntry(string Name, long Rows);
    public sealed record BlobEntry(string Key, string Sha256, long Length, string MediaType);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Manifest> WriteAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new BackupException($"{folder} is not empty: a backup goes into a new or empty folder, so that nothing is mixed or overwritten.");
        Directory.CreateDirectory(Path.Combine(folder, TableFolder));
        Directory.CreateDirectory(Path.Combine(folder, BlobFolder));

        var tables = new List<TableEntry>();
        List<BlobEntry> files;
        // One snapshot for every table: PostgreSQL's repeatable read, SQLite's read transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken))
        {
            foreach (var table in Tables())
            {
                tables.Add(
                    new TableEntry(
                    table.Name, await WriteTableAsync(table, Path.Combine(folder, TableFolder, table.Name + ".jsonl"), cancellationToken)));
            }
            files = await db.AssetRevisions.AsNoTracking()
                .GroupBy(r => r.BlobKey)
                .Select(g => new BlobEntry(g.Key, g.Min(r => r.Sha256)!, g.Min(r => r.Size), g.Min(r => r.MediaType)!))
                .ToListAsync(cancellationToken);
        }
        // Blobs never change under their key (content-addressed), so copying them after the snapshot
        // still gives exactly the files the snapshot points to.
        foreach (var file in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            await using var content = await blobs.GetAsync(file.Key, cancellationToken: cancellationToken)
                ?? throw new BackupException($"The file {file.Key} is missing from the blob store: this backup would not restore the same site.");
            await using var target = File.Create(Path.Combine(folder, BlobFolder, file.Key));
            if (await StoredFile.CopyHashingAsync(content.Stream, target, cancellationToken) != file.Sha256)
                throw new BackupException($"The file {file.Key} in the blob store does not match its SHA-256 any more: the store is damaged.");
        }

        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Last();
        var manifest = new Manifest(Format, DateTime.UtcNow, migration, tables, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>Restores into a database that has been migrated but holds no content, accounts or log.</summary>
    public async Task<Manifest> RestoreAsync(string folder, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath)) throw new BackupException($"{folder} holds no {ManifestFile}: it is not a backup of this portal.");
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new BackupException($"{ManifestFile} is empty.");
        if (manifest.Format != Format) throw new BackupException($"The backup has format {manifest.Format}; this portal reads format {Format}.");
        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Last();
        // Each engine has its own migrations, generated at slightly different times: the same migration
        // has the same name on both (./migrations-add.sh), so a SQLite backup restores into PostgreSQL.
        if (MigrationName(manifest.Migration) != MigrationName(migration))
            throw new BackupException($"The backup was made at database version {manifest.Migration}, this portal is at {migration}: "
                + "restore it with the portal version that made it, then upgrade.");
        var tables = Tables().ToList();
        var unknown = manifest.Tables.Select(t => t.Name).Except(tables.Select(t => t.Name)).ToList();
        if (unknown.Count > 0) throw new BackupException($"The backup has tables this portal does not know: {string.Join(", ", unknown)}.");
        if (await db.ContentItems.AnyAsync(cancellationToken) || await db.Assets.AnyAsync(cancellationToken)
            || await db.Users.AnyAsync(cancellationToken) || await db.AuditLog.AnyAsync(cancellationToken))
            throw new BackupException(
                "The database already holds content, accounts or a log: restore into an empty database, so that nothing is overwritten.");

        // Files first: a restore that stops half-way leaves only unreferenced blobs, and the database untouched.
        foreach (var file in manifest.Blobs)
        {
            var path = Path.Combine(folder, BlobFolder, file.Key);
            if (!File.Exists(path)) throw new BackupException($"The backup lacks the file {file.Key}.");
            await using var stream = File.OpenRead(path);
            var stored = await StoredFile.StoreAsync(blobs, stream, file.MediaType, cancellationToken);
            if (stored.BlobKey != file.Key || stored.Sha256 != file.Sha256)
                throw new BackupException($"The file {file.Key} in the backup does not match its SHA-256: the backup is damaged.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // What a start-up may have made already (a key ring, start-up steps) makes way for the backup's.
            foreach (var table in Enumerable.Reverse(tables)) await ExecuteAsync($"DELETE FROM {Quote(table.Name)}", cancellationToken);
            foreach (var table in tables)
            {
                var entry = manifest.Tables.SingleOrDefault(t => t.Name == table.Name);
                if (entry is null) continue;
                var rows = await RestoreTableAsync(table, Path.Combine(folder, TableFolder, table.Name + ".jsonl"), cancellationToken);
                if (rows != entry.Rows) throw new BackupException(
                    $"{table.Name}: the manifest counts {entry.Rows} rows, the file holds {rows}: the backup is damaged.");
            }
            if (db.Database.IsNpgsql()) await ContinueIdentitiesAsync(tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        await search.RebuildAsync(cancellationToken: cancellationToken);
        return manifest;
    }

    private static string MigrationName(string id) => id[(id.IndexOf('_') + 1)..];

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);
    private sealed record Column(string Name, Type Type, bool Identity);

    /// <summary>The model's tables, each after the tables its foreign keys point to.</summary>
    private IEnumerable<Table> Tables()
    {
        // The search outbox is not backed up: it follows from the content, and a restore writes it again.
        var entities = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.IsOwned() && e.ClrType != typeof(Search.SearchOutboxRow)).ToList();
        var done = new HashSet<string>();
        var ordered = new List<Table>();
        while (ordered.Count < entities.Count)
        {
            var ready = entities.First(e => !done.Contains(e.GetTableName()!) &&
                e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || done.Contains(fk.PrincipalEntityType.GetTableName()!)));
            var table = StoreObjectIdentifier.Table(ready.GetTableName()!, ready.GetSchema());
            ordered.Add(new Table(ready.GetTableName()!, ready.GetProperties().Select(p => new Column(
                p.GetColumnName(table)!,
                Nullable.GetUnderlyingType(ProviderType(p)) ?? ProviderType(p),
                p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && ProviderType(p) is var t && (t == typeof(int) || t == typeof(long))))
                    .ToList()));
            done.Add(ready.GetTableName()!);
        }
        return ordered;
    }

    private static Type ProviderType(IProperty property) => property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

    private string Quote(string name) => db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>().DelimitIdentifier(name);

    private async Task<long> WriteTableAsync(Table table, string path, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var file = new StreamWriter(path);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new JsonObject();
            for (var i = 0; i < table.Columns.Count; i++) row[table.Columns[i].Name] = await reader.IsDBNullAsync(i, cancellationToken) ? null
                : Read(reader, i, table.Columns[i].Type);
            await file.WriteLineAsync(row.ToJsonString());
            rows++;
        }
        return rows;
    }

    private async Task<long> RestoreTableAsync(Table table, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new BackupException($"The backup lacks {Path.GetFileName(path)}.");
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var placeholders = string.Join(", ", table.Columns.Select((_, i) => "@p" + i));
        await using var command = Command($"INSERT INTO {Quote(table.Name)} ({columns}) VALUES ({placeholders})");
        var parameters = table.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        long rows = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            if (line.Length == 0) continue;
            var row = JsonNode.Parse(line)!.AsObject();
            for (var i = 0; i < table.Columns.Count; i++) parameters[i].Value = Write(row[table.Columns[i].Name], table.Columns[i].Type);
            await command.ExecuteNonQueryAsync(cancellationToken);
            rows++;
        }
        return rows;
    }

    /// <summary>Rows came with their ids: PostgreSQL's identity sequences continue after the highest.</summary>
    private async Task ContinueIdentitiesAsync(IEnumerable<Table> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.Identity))
            {
                var name = Quote(table.Name);
                await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('{name}', '{column.Name}'), "
                    + $"COALESCE((SELECT MAX({Quote(column.Name)}) FROM {name}), 0) + 1, false)", cancellationToken);
            }
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command in the open transaction (backup and restore always run in one).</summary>
    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static JsonNode? Read(DbDataReader reader, int i, Type type) => type switch
    {
        _ when type == typeof(string) => reader.GetString(i),
        _ when type == typeof(int) => reader.GetInt32(i),
        _ when type == typeof(long) => reader.GetInt64(i),
        _ when type == typeof(short) => reader.GetInt16(i),
        _ when type == typeof(bool) => reader.GetBoolean(i),
        _ when type == typeof(double) => reader.GetDouble(i),
        _ when type == typeof(decimal) => reader.GetDecimal(i),
        _ when type == typeof(Guid) => reader.GetGuid(i),
        _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc),
        _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(i),
        _ when type == typeof(byte[]) => Convert.ToBase64String(reader.GetFieldValue<byte[]>(i)),
        _ => throw new NotSupportedException($"A column of type {type.Name} has no backup format yet."),
    };

    private static object Write(JsonNode? value, Type type) => value is null ? DBNull.Value : type switch
    {
        _ when type == typeof(string) => value.GetValue<string>(),
        _ when type == typeof(int) => value.GetValue<int>(),
        _ when type == typeof(long) => value.GetValue<long>(),
        _ when type == typeof(short) => value.GetValue<short>(),
        _ when type == typeof(bool) => value.GetValue<bool>(),
        _ when type == typeof(double) => value.GetValue<double>(),
        _ when type == typeof(decimal) => value.GetValue<decimal>(),
        _ when type == typeof(Guid) => value.GetValue<Guid>(),
        _ when type == typeof(DateTime) => DateTime.SpecifyKind(value.GetValue<DateTime>(), DateTimeKind.Utc),
        _ when type == typeof(DateTimeOffset) => value.GetValue<DateTimeOffset>(),
        _ when type == typeof(byte[]) => Convert.FromBase64String(value.GetValue<string>()),
        _ => throw new NotSupportedException($"A column of type {type.Name} has no backup format yet."),
    };
}

/// <summary>A backup or restore that cannot be done; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
