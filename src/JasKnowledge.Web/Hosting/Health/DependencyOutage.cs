namespace JasKnowledge.Web.Hosting.Health;

/// <summary>When the log hears about one dependency that readiness checks: when it stops answering, once a minute while
/// it stays away (with the reason of that moment: a dropped connection becomes a refused one), and once when it answers
/// again. Not on every check: a load balancer asks every few seconds, on every node, and an outage wrote a line per question.</summary>
public sealed class DependencyOutage(TimeProvider time)
{
    public static readonly TimeSpan Reminder = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private bool _failing;
    private DateTimeOffset _told;

    /// <summary>Records a failed check; true when the log should be told.</summary>
    public bool Failed()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_failing && now - _told < Reminder) return false;
            (_failing, _told) = (true, now);
            return true;
        }
    }

    /// <summary>Records an answer; true once after a failure, so that the log says the outage ended.</summary>
    public bool Answered()
    {
        lock (_gate)
        {
            if (!_failing) return false;
            _failing = false;
            return true;
        }
    }
}

/// <summary>The outages of the dependencies readiness checks, one per node (a check itself is made anew for every question).</summary>
public sealed class DependencyOutages(TimeProvider time)
{
    public DependencyOutage Database { get; } = new(time);
    public DependencyOutage Blobs { get; } = new(time);
    public DependencyOutage Search { get; } = new(time);
}
