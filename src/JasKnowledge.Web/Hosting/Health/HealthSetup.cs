using System.Text.Json;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data;
using JasKnowledge.Data.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JasKnowledge.Web.Hosting.Health;

/// <summary>/health/live: the process answers. /health/ready: the database and the blob store answer
/// too and the node is not stopping, so a load balancer only sends traffic to a node that can serve it.
/// A node that loses its database turns not-ready at the next check and ready again by itself when the
/// database is back. On SIGTERM the node finishes the requests in flight (downloads included) for up to
/// Jas:ShutdownTimeoutSeconds (default 30) before it stops. A starting node is also not ready until its
/// search index has caught up with the search outbox; the index's lag (changes and seconds) is in the
/// search check's data. The answer is public (a load balancer asks it without credentials), so it says what is wrong but
/// not why: an exception's name and message can name hosts, paths and versions, and go to the node's log instead.</summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public const string ShutdownTimeoutSetting = "Jas:ShutdownTimeoutSeconds";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue(ShutdownTimeoutSetting, 30)));
        services.AddSingleton<DependencyOutages>();
        services.AddHealthChecks()
            .AddCheck<StoppingHealthCheck>("stopping", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<BlobStoreHealthCheck>("blobs", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SearchIndexHealthCheck>("search", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints)
    {
        // Read-only: other methods are 405 with Allow, as on every page.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        // Degraded is "not ready yet, nothing wrong" (a search index catching up at start): no traffic, but
        // logged as a warning, so that every start of a node does not write an error line.
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJson,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return endpoints;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        }));
    }

    private sealed class DatabaseHealthCheck(JasDbContext db, DependencyOutages outages, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
    {
        // A query, not just an open: a pooled connection may be open to a server that is gone.
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            AskAsync(() => db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken), "The database", outages.Database, logger, cancellationToken);
    }

    /// <summary>Asks a dependency and tells the log about its outages (<see cref="DependencyOutage"/>): why it does not
    /// answer, a check's time running out included (ASP.NET Core's own line per failed check is switched off in
    /// appsettings.json), and when it answers again.</summary>
    private static async Task<HealthCheckResult> AskAsync(
        Func<Task> ask, string dependency, DependencyOutage outage, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await ask();
            if (outage.Answered()) logger.LogInformation("{Dependency} answers again.", dependency);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string timedOut = "no answer within the check's 5 seconds";
            if (outage.Failed()) logger.LogWarning("{Dependency} does not answer: {Reason}", dependency, timedOut);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (outage.Failed()) logger.LogWarning("{Dependency} does not answer: {Reason}", dependency, Reason(e));
            return HealthCheckResult.Unhealthy($"{dependency} does not answer; the node's log says why.");
        }
    }

    private sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The node is stopping.")
                : HealthCheckResult.Healthy());
    }

    private sealed class BlobStoreHealthCheck(IBlobStore blobs, DependencyOutages outages, ILogger<BlobStoreHealthCheck> logger) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            AskAsync(() => blobs.CheckAvailableAsync(cancellationToken), "The blob store", outages.Blobs, logger, cancellationToken);
    }

    private sealed class SearchIndexHealthCheck(SearchIndexUpdater updater, DependencyOutages outages, ILogger<SearchIndexHealthCheck> logger)
        : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // Read before the lag: a catch-up that ends between the two must not make an old lag look ready
            // (ready, 432 changes behind, was seen once while the node was finishing its first catch-up).
            var caughtUp = updater.IsCaughtUp;
            var problem = updater.Problem;
            SearchIndexLag lag;
            try
            {
                lag = await updater.LagAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (outages.Search.Failed())
                    logger.LogWarning("The search index cannot be compared with the outbox: {Reason}", updater.Problem ?? Reason(e));
                return HealthCheckResult.Unhealthy("The search index cannot be compared with the outbox; the node's log says why.");
            }
            if (outages.Search.Answered()) logger.LogInformation("The search index can be compared with the outbox again.");
            var data = new Dictionary<string, object>
            {
                ["appliedSequence"] = lag.Applied,
                ["latestSequence"] = lag.Latest,
                ["lagSequences"] = lag.Behind,
                ["lagSeconds"] = Math.Round(lag.Seconds, 1),
            };
            // The same figures for every request, whatever its language ("16.9 s", not "16,9 s").
            var behind = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{lag.Behind} changes behind the outbox, the oldest waiting {lag.Seconds:F1} s");
            if (problem is not null)
                // The updater logs the problem itself, once each time it changes.
                return HealthCheckResult.Unhealthy($"The search index cannot catch up ({behind}); the node's log says why.", data: data);
            if (!caughtUp) return HealthCheckResult.Degraded($"The search index is catching up: {behind}.", data: data);
            return HealthCheckResult.Healthy($"The search index is {behind}.", data);
        }
    }

    /// <summary>One line for the log: the exception's name and the first line of its message.</summary>
    private static string Reason(Exception e) => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
}
