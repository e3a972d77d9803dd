using System.Net;
using JasKnowledge.Web.Hosting.Http;

namespace JasKnowledge.Tests.Unit;

/// <summary>Who one client is for the per-client limits (page feedback, alert subscriptions).</summary>
public sealed class ClientRequestLimitTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "20010db800010002::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "20010db800010002::/64")]   // the same home: one client
    [InlineData("2001:db8:1:3::1", "20010db800010003::/64")]                    // the next network: another
    public void An_IPv6_client_is_its_64_bit_network_and_an_IPv4_client_its_address(string address, string client) =>
        Assert.Equal(client, ClientRequestLimit.ClientOf(IPAddress.Parse(address)));

    [Fact]
    public void Without_an_address_every_request_is_the_same_client() => Assert.Equal("unknown", ClientRequestLimit.ClientOf(null));
}
