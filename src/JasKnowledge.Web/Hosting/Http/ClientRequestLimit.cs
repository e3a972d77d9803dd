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
        using var lease = _limiter.AttemptAcquire(ClientOf(http.Connection.RemoteIpAddress));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
    }

    /// <summary>Who counts as one client: an IPv4 address, or an IPv6 network of 64 bits, which one home or phone gets whole
    /// (counted per address, one connection had 2^64 clients' worth of requests: attack of 7 December).</summary>
    public static string ClientOf(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        return Convert.ToHexStringLower(bytes, 0, 8) + "::/64";
    }

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}
