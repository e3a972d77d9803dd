using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>Subscription requests per client address, on each node (Jas:Alerts:RequestsPerClientPer10Minutes). Asked by the
/// subscribe page itself, not by the rate-limiting middleware: a refusal is then the form again, as it was sent, with the
/// message in the visitor's language, where the middleware could only answer a bare line of text.</summary>
public sealed class ClientSubscribeLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ClientSubscribeLimit(IOptions<AlertOptions> options)
    {
        var permits = options.Value.RequestsPerClientPer10Minutes;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
    }

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Null when this client may send another request now; otherwise how long until it may.</summary>
    public TimeSpan? WaitFor(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => _limiter.Dispose();
}
