using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Blobs;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Data.Search;
using JasKnowledge.Core.Search;
using JasKnowledge.Core.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (SQLite or PostgreSQL), the blob store (folder or Azure) and the content
    /// services, chosen by configuration alone. Settings are read when the services are first used
    /// (not here), so that every configuration source, test hosts included, has its say.</summary>
    public static IServiceCollection AddJasData(this IServiceCollection services)
    {
        services.AddSingleton(sp => Storage.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddDbContext<JasDbContext>((sp, db) =>
        {
            var storage = sp.GetRequiredService<Storage>();
            db.UseJasDatabase(storage.IsPostgreSql, storage.ConnectionString);
        });
        // One key ring for all nodes, kept with the data (issue 8: a cookie from node A works on node B).
        services.AddDataProtection().SetApplicationName("JasKnowledge").PersistKeysToDbContext<JasDbContext>();
        services.AddSingleton<IBlobStore>(sp =>
        {
            var storage = sp.GetRequiredService<Storage>();
            return storage.AzureBlobs is { } azure ? new AzureBlobStore(azure) : new FolderBlobStore(storage.BlobFolder);
        });
        services.AddSingleton(TimeProvider.System);
        // The portal's own meter: the content store counts publications with it.
        services.AddMetrics();
        services.TryAddSingleton<PortalMetrics>();
        services.AddScoped<ContentStore>();
        services.AddHostedService<PublicationWatcher>();
        services.AddHostedService<Blobs.TemporaryFileSweeper>();
        services.AddScoped<PublishedContent>();
        services.AddScoped<Assets.PublishedAssets>();
        services.AddScoped<Assets.FileRevisionStore>();
        // Search: the outbox in the database, this node's Lucene index on its disk, and what keeps them in step.
        services.AddScoped<SearchOutbox>();
        services.AddScoped<SearchQueryLog>();
        services.AddScoped<Feedback.PageFeedbackLog>();
        services.AddScoped<SearchIndexer>();
        services.AddSingleton<ISearchIndex>(sp => LuceneSearchIndex.OpenFolder(
            sp.GetRequiredService<Storage>().SearchIndexFolder, sp.GetRequiredService<ILoggerFactory>().CreateLogger<LuceneSearchIndex>()));
        services.AddSingleton<SearchIndexUpdater>();
        services.AddSingleton<Core.Modules.IPublicationListener>(sp => sp.GetRequiredService<SearchIndexUpdater>());
        services.AddSingleton<Core.Telemetry.ISearchIndexLag>(sp => sp.GetRequiredService<SearchIndexUpdater>());
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexUpdater>());
        services.AddScoped<RecipeImporter>();
        services.AddScoped<RecipeExporter>();
        services.AddScoped<Backup.SiteBackup>();
        return services;
    }
}

/// <summary>The storage settings, checked: a wrong combination stops the portal with a message that
/// names the setting to fix.</summary>
/// <param name="SearchIndexFolder">This node's search index: always on local disk, also in server mode.</param>
public sealed record Storage(
    StorageOptions Options, bool IsPostgreSql, string ConnectionString, string BlobFolder, AzureBlobConnection? AzureBlobs, string SearchIndexFolder)
{
    public static Storage From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Jas").Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        var connectionString = configuration.GetConnectionString("Jas");
        var isPostgreSql = options.Database.Provider.ToLowerInvariant() switch
        {
            "sqlite" => false,
            "postgresql" => true,
            _ => throw new StartupException($"{StorageOptions.DatabaseSetting} is '{options.Database.Provider}': use Sqlite or PostgreSQL."),
        };
        if (isPostgreSql && string.IsNullOrWhiteSpace(connectionString))
            throw new StartupException($"{StorageOptions.DatabaseSetting} is PostgreSQL but {StorageOptions.ConnectionStringSetting} is empty: "
                + "set it (env ConnectionStrings__Jas) to the server's connection string.");
        if (!isPostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "jas.db")}";
        }

        var blobProvider = options.Blobs.Provider.ToLowerInvariant();
        if (blobProvider is not ("folder" or "azure"))
            throw new StartupException($"Jas:Blobs:Provider is '{options.Blobs.Provider}': use Folder or Azure.");
        // Built here so that a wrong setting stops the start with a line naming it; no request is made yet.
        var azureBlobs = blobProvider == "azure" ? AzureBlobConnection.Create(options.Blobs) : null;
        var blobFolder = Path.GetFullPath(Path.Combine(dataDirectory, options.Blobs.Folder ?? "blobs"));
        return new Storage(options, isPostgreSql, connectionString!, blobFolder, azureBlobs, Path.Combine(dataDirectory, "search-index"));
    }
}

/// <summary>A setting that stops the portal from starting; the message names the setting to fix.</summary>
public sealed class StartupException(string message) : Exception(message);
