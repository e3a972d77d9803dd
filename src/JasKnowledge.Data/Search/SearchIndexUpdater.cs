using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Data.Search;

/// <summary>
/// Keeps this node's index in step with the search outbox. It catches up at start (the node is not
/// ready until it has), after every publication on this node before the editor gets an answer
/// (read-your-writes: it is a publication listener, told after the commit), and when the publication
/// watcher sees another node's change (within its interval, 1 s by default). One catch-up at a time.
/// An index that is ahead of the outbox, or that missed rows which are gone from it (a restored or
/// replaced database), is emptied and filled again.
/// </summary>
public sealed class SearchIndexUpdater(IServiceProvider services, ILogger<SearchIndexUpdater> logger)
    : BackgroundService, IPublicationListener, Core.Telemetry.ISearchIndexLag
{
    private const int Batch = 500;
    /// <summary>A catch-up whose oldest change waited longer than this is logged with its lag.</summary>
    private static readonly TimeSpan NotableLag = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private volatile bool _caughtUp;
    private volatile bool _running;
    private volatile string? _problem;

    /// <summary>True once the index has caught up with the outbox since this node started.</summary>
    public bool IsCaughtUp => _caughtUp;

    private TimeSpan? _lag;
    /// <summary>For the metric jas.search.index.lag: how long the oldest change waited when this node
    /// last looked, and zero once it has caught up; unknown before the first catch-up.</summary>
    public TimeSpan? Lag => _lag;

    /// <summary>Why the last catch-up failed, or null.</summary>
    public string? Problem => _problem;

    /// <summary>Applies every change of the outbox the index lacks.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var index = services.GetRequiredService<ISearchIndex>();
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<SearchOutbox>();
            var position = await outbox.PositionAsync(index.AppliedSequence, cancellationToken);
            var applied = index.AppliedSequence;
            if (applied > position.Latest || applied > 0 && applied < position.Lowest - 1)
            {
                logger.LogWarning(
                    "The search index applied the outbox up to {Applied}, but the outbox now runs from {Lowest} to {Latest} (a restored or " +
                    "replaced database): making the index again.", applied, position.Lowest, position.Latest);
                await index.ResetAsync(cancellationToken);
                position = await outbox.PositionAsync(0, cancellationToken);
            }
            if (_caughtUp) _lag = position.Waiting;
            if (position.Behind > Batch || position.Waiting > NotableLag || !_caughtUp && position.Behind > 0)
                logger.LogInformation("The search index is {Behind} changes behind the outbox, the oldest waiting {Seconds:F1} s; catching up.",
                    position.Behind, position.Waiting.TotalSeconds);
            var appliedNow = 0;
            while (true)
            {
                var changes = await outbox.ChangesAfterAsync(index.AppliedSequence, Batch, cancellationToken);
                if (changes.Count == 0) break;
                await index.ApplyAsync(changes, cancellationToken);
                appliedNow += changes.Count;
                if (changes.Count < Batch) break;
            }
            if (appliedNow >= Batch)
            {
                var merging = System.Diagnostics.Stopwatch.StartNew();
                await index.CompactAsync(cancellationToken);
                logger.LogInformation("Applied {Count} changes to the search index and merged it in {Seconds:F1} s.",
                    appliedNow, merging.Elapsed.TotalSeconds);
            }
            if (!_caughtUp)
                logger.LogInformation("The search index is up to date at outbox sequence {Sequence} ({Count} documents).",
                    index.AppliedSequence, await index.CountAsync(cancellationToken));
            _caughtUp = true;
            _lag = TimeSpan.Zero;
            if (_problem is not null) logger.LogInformation("The search index caught up with the outbox again.");
            _problem = null;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Empties this node's index and fills it again from the outbox (the reindex command,
    /// which runs without the hosted service).</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await services.GetRequiredService<ISearchIndex>().ResetAsync(cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Where the index stands now, for the readiness check.</summary>
    public async Task<SearchIndexLag> LagAsync(CancellationToken cancellationToken = default)
    {
        var index = services.GetRequiredService<ISearchIndex>();
        await using var scope = services.CreateAsyncScope();
        var applied = index.AppliedSequence;
        var position = await scope.ServiceProvider.GetRequiredService<SearchOutbox>().PositionAsync(applied, cancellationToken);
        return new SearchIndexLag(applied, position.Latest, position.Behind, position.Waiting.TotalSeconds);
    }

    /// <summary>A publication committed here or seen on another node. The publication itself stands
    /// whatever happens here: a failure is logged and shown on /health/ready, and the next
    /// publication or, within a second, the background loop tries again.</summary>
    public async Task PublishedAsync(CancellationToken cancellationToken)
    {
        // Before the node serves (the first import, a command) the start-up catch-up applies everything
        // in batches; one Lucene commit per imported file would only slow the import down.
        if (!_running) return;
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail(e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        // Until caught up once, try every second.
        // After that publications drive it, and a catch-up that failed is tried again every second until it works: a node
        // whose disk came back stayed out of the balancer until the next publication (attack of 7 December).
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_caughtUp || _problem is not null)
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Fail(e);
                }
            }
            try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void Fail(Exception e)
    {
        var reason = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        if (_problem != reason) logger.LogWarning("The search index cannot catch up with the outbox: {Reason}", reason);
        _problem = reason;
    }
}

/// <param name="Applied">The last outbox sequence this node's index applied.</param>
/// <param name="Latest">The newest sequence in the outbox.</param>
/// <param name="Behind">Changes not applied yet.</param>
/// <param name="Seconds">How long the oldest of them has waited.</param>
public sealed record SearchIndexLag(long Applied, long Latest, long Behind, double Seconds);
