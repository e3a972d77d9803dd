using Microsoft.Extensions.DependencyInjection;
using JasKnowledge.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>The portal in-process on a given database, with its own data folder and (for PostgreSQL,
/// as in server mode) its files in Azurite.</summary>
/// <param name="settings">More configuration for this portal (e.g. the alerts' SMTP server).</param>
public sealed class PortalFactory(
    TestDatabase database, string? contentFolder = null, string? blobConnectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"jas-test-data-{Guid.NewGuid():N}");
    public TestDatabase Database => database;
    /// <summary>Fixed per factory, so a host derived with WithWebHostBuilder sees the same files.</summary>
    private readonly string _container = "test-" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Jas:DataDirectory", DataDirectory);
        builder.UseSetting("Jas:PublicBaseUrl", "http://localhost");
        builder.UseSetting(StorageOptions.DatabaseSetting, database.Provider);
        builder.UseSetting(StorageOptions.ConnectionStringSetting, database.ConnectionString);
        if (contentFolder is not null) builder.UseSetting("Jas:ContentDirectory", contentFolder);
        var blobs = blobConnectionString ?? (database.Kind == DatabaseKind.PostgreSql ? TestServers.Azurite : null);
        if (blobs is not null)
        {
            builder.UseSetting("Jas:Blobs:Provider", "Azure");
            builder.UseSetting("Jas:Blobs:ConnectionString", blobs);
            builder.UseSetting("Jas:Blobs:Container", _container);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>Every host built from this factory, also through a chain of WithWebHostBuilder calls: the framework
    /// disposes the hosts of factories derived from this one, but not of factories derived from those, and such a host
    /// kept polling its deleted database to the end of the run (dozens of them; the CI run of 6 December took 51
    /// minutes). All their builds come here.</summary>
    private readonly List<IHost> _hosts = [];

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        lock (_hosts) _hosts.Add(host);
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        List<IHost> hosts;
        lock (_hosts) hosts = [.. _hosts];
        foreach (var host in hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
            }
            catch (ObjectDisposedException)
            {
                // Stopped and disposed with its factory already.
            }
            if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
            else host.Dispose();
        }
        // The node's search index may still be closing its last commit for a moment after the host stopped.
        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}

/// <summary>One portal with the shipped content, shared by the tests of one class.</summary>
public abstract class PortalFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    public PortalFactory Factory { get; private set; } = null!;
    public DatabaseKind Kind => kind;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        Factory = new PortalFactory(_database);
        Factory.CreateClient().Dispose(); // starts the host: migrations and first-start import
        // As a load balancer does, the tests use the portal once it is ready: its search index has
        // applied the first import (the start-up catch-up runs in the background).
        var updater = Factory.Services.GetRequiredService<JasKnowledge.Data.Search.SearchIndexUpdater>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!updater.IsCaughtUp && waited.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqlitePortal() : PortalFixture(DatabaseKind.Sqlite);
public sealed class PostgresPortal() : PortalFixture(DatabaseKind.PostgreSql);
