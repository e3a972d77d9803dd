using System.Threading.RateLimiting;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>Requests per client address in a fixed window, on each node. Asked by a page itself, not by the rate-limiting
/// middleware: a refusal is then the page's own form again, as it was sent, with the message in the visitor's language,
/// where the middleware could only answer a bare line of text. Each feature that limits derives its own (one per window).</summary>
public abstract class ClientRequestLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    protected ClientRequestLimit(int permits, TimeSpan window)
    {
        _window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }

    /// <summary>Null when this client may send another request now; otherwise how long until it may.</summary>
    public TimeSpan? WaitFor(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}
