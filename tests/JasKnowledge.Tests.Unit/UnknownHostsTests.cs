using JasKnowledge.Web.Hosting.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace JasKnowledge.Tests.Unit;

/// <summary>Which host names the portal serves (AllowedHosts): the rule ASP.NET Core's host filter had, now with the portal's
/// own answer.</summary>
public sealed class UnknownHostsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ; ")]
    [InlineData("*")]
    [InlineData("jas.example.nl;*")]
    public void No_setting_or_a_star_serves_every_host(string? setting) => Assert.Null(UnknownHosts.Patterns(setting));

    [Theory]
    [InlineData("jas.example.nl", "jas.example.nl", true)]
    [InlineData("jas.example.nl", "JAS.Example.NL:443", true)]
    [InlineData("jas.example.nl", "example.nl", false)]
    [InlineData("jas.example.nl", "jas.example.nl.evil.example", false)]
    [InlineData("*.example.nl", "jas.example.nl", true)]
    [InlineData("*.example.nl", "example.nl", false)]
    [InlineData("*.example.nl", "jas.example.com", false)]
    [InlineData("[::1]", "[::1]:5080", true)]
    [InlineData("bücher.example", "xn--bcher-kva.example", true)]   // written in Unicode, sent as punycode
    [InlineData(" 127.0.0.1 ; localhost ", "localhost:8080", true)]
    public void A_host_matches_by_its_name_without_the_port(string setting, string host, bool served)
    {
        var patterns = UnknownHosts.Patterns(setting);
        Assert.NotNull(patterns);
        Assert.Equal(served, HostString.MatchesAny(new StringSegment(host), patterns));
    }
}
