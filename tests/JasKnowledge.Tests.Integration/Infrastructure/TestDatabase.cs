using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace JasKnowledge.Tests.Integration.Infrastructure;

public enum DatabaseKind { Sqlite, PostgreSql }

/// <summary>A fresh, empty database of either kind, removed again afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseKind kind, string connectionString, string? postgresName, string? sqliteFile)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == DatabaseKind.PostgreSql ? "PostgreSQL" : "Sqlite";

    /// <summary>A connection of the right kind; SQL with double-quoted names and @parameters suits both.</summary>
    public DbConnection Connect() => Kind == DatabaseKind.PostgreSql ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql));

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jas-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(kind, $"Data Source={file};Pooling=False", null, file);
        }
        var name = $"jas_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestServers.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = name };
        return new TestDatabase(kind, builder.ConnectionString, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
            {
                try { File.Delete(_sqliteFile + suffix); } catch (IOException) { /* still open by a finished host: temp is cleaned by the OS */ }
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestServers.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
