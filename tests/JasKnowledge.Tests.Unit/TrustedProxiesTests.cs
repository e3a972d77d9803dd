using System.Net;
using JasKnowledge.Web.Hosting.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Tests.Unit;

/// <summary>Forwarded headers count only from this machine and the proxies the configuration names,
/// even when ASPNETCORE_FORWARDEDHEADERS_ENABLED (which alone trusts every sender) is on.</summary>
public sealed class TrustedProxiesTests
{
    private static ForwardedHeadersOptions Options(string? trusted)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxies.Setting] = trusted })
            .Build();
        var services = new ServiceCollection();
        // What the framework's switch does: trust everyone.
        services.Configure<ForwardedHeadersOptions>(o => { o.KnownProxies.Clear(); o.KnownIPNetworks.Clear(); });
        services.AddTrustedProxies(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    [Fact]
    public void Without_configuration_only_loopback_is_trusted()
    {
        var options = Options(null);
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void Configured_addresses_and_networks_are_trusted_besides_loopback()
    {
        var options = Options("172.28.0.0/16; 10.1.2.3");
        Assert.Contains(IPAddress.Parse("10.1.2.3"), options.KnownProxies);
        Assert.True(Assert.Single(options.KnownIPNetworks).Contains(IPAddress.Parse("172.28.5.9")));
    }

    [Fact]
    public void A_wrong_entry_is_a_configuration_error_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options("nginx"));
        Assert.Contains(TrustedProxies.Setting, error.Message);
    }
}
