using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Data.Content;

/// <summary>
/// Tells this node's publication listeners (its output cache, its search index) about changes another node or a command committed.
/// The change counter is the id of the newest audit-log entry: every change to what the public sees
/// writes one in its own transaction, so the number moves exactly when such a change commits, on any
/// node, with no extra write and nothing to miss (unlike a notification sent while this node was not
/// listening). One indexed query per interval (Jas:PublicationPollMilliseconds, default 1000).
/// Entries that never change a public page (<see cref="Unseen"/>: sign-ins and other account work, drafts, preview links) are
/// passed over: each had emptied every node's cache, so an editor saving drafts all morning made every visitor's page render again.
/// An action not named there counts, so a new kind of change can only empty the cache once too often, never leave a page stale.
/// </summary>
public sealed class PublicationWatcher(
    IServiceScopeFactory scopes, IEnumerable<IPublicationListener> listeners, IConfiguration configuration, ILogger<PublicationWatcher> logger)
    : BackgroundService
{
    public const string IntervalSetting = "Jas:PublicationPollMilliseconds";

    /// <summary>Audit actions (exact, or a prefix ending in a dot) that change nothing a visitor sees. Not <c>search.rebuild</c>: it
    /// changes no page, but it is how a running node learns that `reindex` wrote the whole outbox again (attack of 7 December).</summary>
    public static readonly IReadOnlyList<string> Unseen =
        ["account.", "content.create", "content.draft", "content.restore", "content.preview-link", "feedback.comment.remove"];

    private static readonly List<string> UnseenExactly = Unseen.Where(a => !a.EndsWith('.')).ToList();
    private static readonly List<string> UnseenPrefixes = Unseen.Where(a => a.EndsWith('.')).ToList();

    private long? _seen;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, configuration.GetValue(IntervalSetting, 1000))));
        try
        {
            do await CheckAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var latest = await LatestChangeAsync(cancellationToken);
            if (_seen is not null && latest != _seen)
            {
                foreach (var listener in listeners) await listener.PublishedAsync(cancellationToken);
            }
            _seen = latest;
            if (_failing) logger.LogInformation("The database answers again; watching for publications.");
            _failing = false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The readiness check reports the outage; say it here once, not every interval.
            if (!_failing) logger.LogWarning("Cannot read the latest change from the database: {Error}", e.Message);
            _failing = true;
        }
    }

    private async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var seen = db.AuditLog.Where(e => !UnseenExactly.Contains(e.Action));
        foreach (var prefix in UnseenPrefixes) seen = seen.Where(e => !e.Action.StartsWith(prefix));
        // Newest first and the first that counts: both databases walk the key backwards and stop there (a MAX with a filter
        // would read the whole log on SQLite).
        return await seen.OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
