using Microsoft.Data.Sqlite;
using Npgsql;

namespace JasKnowledge.Data.Startup;

/// <summary>
/// A lock that one node at a time holds, for work only one may do (migrating at start-up, sending
/// alerts). PostgreSQL: a session advisory lock on a connection of its own, which the server releases
/// when the node dies. SQLite: an exclusive lock on a file next to the database, which the operating
/// system releases when the process dies.
/// </summary>
public static class NodeLock
{
    /// <param name="advisoryKey">The lock's number on PostgreSQL (advisory locks are per database).</param>
    /// <param name="fileSuffix">The lock file's suffix after the SQLite database's path.</param>
    /// <returns>The held lock, or null when another node holds it.</returns>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(
        Storage storage, long advisoryKey, string fileSuffix, CancellationToken cancellationToken = default)
    {
        if (storage.IsPostgreSql)
        {
            // Not pooled: closing the connection must end the session, and with it the lock.
            var builder = new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({advisoryKey})", connection);
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
        // An in-memory database belongs to one process: nobody to share with.
        if (database.Mode == SqliteOpenMode.Memory || database.DataSource is "" or ":memory:") return new FileHold(null);
        try
        {
            var path = Path.GetFullPath(database.DataSource) + fileSuffix;
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
