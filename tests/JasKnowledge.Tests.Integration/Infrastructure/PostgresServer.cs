namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>A PostgreSQL server of one test's own, to stop and start again (the shared server of
/// ./test.sh serves every other test and must stay up). Built with the binaries ./test.sh names.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=3";
    private string Data => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("JAS_TEST_PG_BIN") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("JAS_TEST_PG_BIN is not set: run the tests through ./test.sh, which finds PostgreSQL's binaries.");
        var folder = Path.Combine(Path.GetTempPath(), $"jas-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        // PostgreSQL refuses to run as root: ./test.sh runs it as the postgres user, and so does this.
        if (Environment.UserName == "root") await CommandLineTool.RunAsync("chown", "postgres", folder);
        var server = new PostgresServer(bin, folder, LoopbackPort.Free());
        await server.PgAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() => PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off", "start");

    /// <summary>Stops the server the way an outage looks to its clients: every connection ends.</summary>
    public Task StopServerAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? CommandLineTool.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : CommandLineTool.RunAsync(Path.Combine(_bin, tool), arguments);



    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid"))) await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
