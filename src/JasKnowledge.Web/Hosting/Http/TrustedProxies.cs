using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace JasKnowledge.Web.Hosting.Http;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only when they come from a proxy the configuration names
/// (<c>Jas:TrustedProxies</c>: addresses or networks such as <c>172.28.0.0/16</c>, separated by ';'),
/// or from this machine itself. ASP.NET Core's ASPNETCORE_FORWARDEDHEADERS_ENABLED switch alone trusts
/// every sender, which would let any client choose the address the sign-in limit counts and the
/// scheme its cookie is made for.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Jas:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Add(IPAddress.Loopback);
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var entry in (configuration[Setting] ?? "")
                .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
                else throw new InvalidOperationException(
                    $"{Setting} has '{entry}', which is neither an address nor a network such as 172.28.0.0/16.");
            }
        });
}
