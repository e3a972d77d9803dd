using JasKnowledge.Data.Search;

namespace JasKnowledge.Web.Features.Search;

/// <summary>Adds this node's search counts to the database every minute and when the node stops. When the
/// database cannot be reached the counts wait in memory for the next flush.</summary>
public sealed class SearchQueryFlush(
    SearchQueryRecorder recorder, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchQueryFlush> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes what was counted since the last flush; returns how many rows it added to.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        var tallies = recorder.Drain();
        if (tallies.Count == 0) return 0;
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SearchQueryLog>()
                .AddAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), tallies, cancellationToken);
            return tallies.Count;
        }
        catch (Exception exception)
        {
            // Also when stopping was cut short: the counts stay in memory and go with the process; no request waits on this.
            recorder.Restore(tallies);
            logger.LogWarning(exception, "Could not write {Count} search counts; they wait for the next flush.", tallies.Count);
            return 0;
        }
    }
}
