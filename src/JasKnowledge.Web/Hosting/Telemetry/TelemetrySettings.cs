using System.Net;

namespace JasKnowledge.Web.Hosting.Telemetry;

/// <summary>The telemetry settings, checked at start-up (a wrong one stops the start with one line).
/// <c>Jas:Metrics:AllowedNetworks</c>: who may read /metrics, as addresses or networks such as
/// <c>10.20.0.0/16</c> separated by ';'. Empty, the default, serves /metrics to no one, so the public site
/// never shows it. A request relayed by a proxy is refused even from an allowed address: a scraper asks
/// the node directly, and a proxy on the node itself must not make every visitor local.
/// <c>Jas:Telemetry:OtlpEndpoint</c>: an optional OpenTelemetry collector.</summary>
public sealed class TelemetrySettings
{
    public const string AllowedNetworksSetting = "Jas:Metrics:AllowedNetworks";
    public const string OtlpSetting = "Jas:Telemetry:OtlpEndpoint";

    private readonly List<System.Net.IPNetwork> _networks = [];

    public TelemetrySettings(IConfiguration configuration)
    {
        foreach (var entry in (configuration[AllowedNetworksSetting] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network)) _networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                _networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            else throw new InvalidOperationException(
                $"{AllowedNetworksSetting} has '{entry}', which is neither an address nor a network such as 10.20.0.0/16.");
        }
        if (configuration[OtlpSetting] is { Length: > 0 } otlp && OtlpEndpoint(configuration) is null)
            throw new InvalidOperationException($"{OtlpSetting} is '{otlp}': use the collector's address, e.g. http://collector:4317.");
    }

    public bool MetricsEnabled => _networks.Count > 0;

    public bool MayReadMetrics(HttpContext context)
    {
        // Relayed by a proxy (any of the three ways a proxy names the client): the connection's address is the proxy's.
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("X-Original-For")
            || context.Request.Headers.ContainsKey("Forwarded")) return false;
        if (context.Connection.RemoteIpAddress is not { } remote) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return _networks.Any(network => network.Contains(remote));
    }

    /// <summary>The collector's address; null when unset or not an http(s) address (the constructor says which).</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration) =>
        Uri.TryCreate(configuration[OtlpSetting], UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
