using Microsoft.Data.Sqlite;
using Npgsql;

namespace JasKnowledge.Data.Startup;

/// <summary>
/// Lets one node at a time migrate the database and import the content while the others wait, so that
/// several nodes can start at once. PostgreSQL: a session advisory lock on a connection of its own,
/// which the server releases when the node dies. SQLite: an exclusive lock on a file next to the
/// database, which the operating system releases when the process dies.
/// </summary>
public static class StartupLock
{
    // Any fixed number: advisory locks are per database, and only the start-up takes this one.
    private const long AdvisoryKey = 0x4A41_5334_5832_34; // "JAS4X24"
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(500);

    /// <param name="waiting">Told once when another node holds the lock, so the log says why the start pauses.</param>
    public static async Task<IAsyncDisposable> AcquireAsync(Storage storage, Action waiting, CancellationToken cancellationToken = default)
    {
        return storage.IsPostgreSql
            ? await PostgresLock.AcquireAsync(storage.ConnectionString, waiting, cancellationToken)
            : await FileLock.AcquireAsync(storage.ConnectionString, waiting, cancellationToken);
    }

    private sealed class PostgresLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, Action waiting, CancellationToken cancellationToken)
        {
            // Not pooled: closing the connection must end the session, and with it the lock.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                var told = false;
                while (true)
                {
                    await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryKey})", connection);
                    if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return new PostgresLock(connection);
                    if (!told) waiting();
                    told = true;
                    await Task.Delay(RetryEvery, cancellationToken);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class FileLock(FileStream? file) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, Action waiting, CancellationToken cancellationToken)
        {
            var database = new SqliteConnectionStringBuilder(connectionString);
            // An in-memory database belongs to one process: nobody to wait for.
            if (database.Mode == SqliteOpenMode.Memory || database.DataSource is "" or ":memory:") return new FileLock(null);
            var path = Path.GetFullPath(database.DataSource) + ".startup-lock";
            var told = false;
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
                }
                catch (IOException)
                {
                    if (!told) waiting();
                    told = true;
                    await Task.Delay(RetryEvery, cancellationToken);
                }
            }
        }

        public ValueTask DisposeAsync() => file?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
