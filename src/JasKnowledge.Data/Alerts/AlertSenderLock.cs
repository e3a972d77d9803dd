using Microsoft.Data.Sqlite;
using Npgsql;

namespace JasKnowledge.Data.Alerts;

/// <summary>
/// Lets one node at a time send alerts. PostgreSQL: a session advisory lock on a connection of its own,
/// released by the server when the node dies. SQLite: an exclusive lock on a file next to the database,
/// released by the operating system when the process dies. Unlike the start-up lock it never waits:
/// a node that does not get it simply tries again later.
/// </summary>
public static class AlertSenderLock
{
    private const long AdvisoryKey = 0x4A41_5341_4C45_5254; // "JASALERT"

    /// <returns>The held lock, or null when another node holds it.</returns>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(Storage storage, CancellationToken cancellationToken)
    {
        if (storage.IsPostgreSql)
        {
            // Not pooled: closing the connection must end the session, and with it the lock.
            var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryKey})", connection);
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            await connection.DisposeAsync();
            return null;
        }
        var database = new SqliteConnectionStringBuilder(storage.ConnectionString);
        if (database.Mode == SqliteOpenMode.Memory || database.DataSource is "" or ":memory:") return new FileHold(null);
        try
        {
            var path = Path.GetFullPath(database.DataSource) + ".alerts-lock";
            return new FileHold(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class FileHold(FileStream? file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
