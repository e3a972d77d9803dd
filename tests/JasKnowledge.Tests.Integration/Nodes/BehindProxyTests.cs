using System.Net;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Behind the reverse proxy of docker-compose.yml (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) the
/// portal sees each visitor's own address and scheme: one visitor's failed sign-ins do not lock out every
/// other visitor who comes through the same proxy, and cookies are made for HTTPS.</summary>
public sealed class BehindProxyTests(SqlitePortal fixture) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task The_sign_in_limit_counts_per_forwarded_visitor_and_the_cookie_follows_the_forwarded_scheme()
    {
        var host = BackOffice.WithLoginLimit(fixture.Factory, 2, b => b.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));
        var email = await BackOffice.CreateUserAsync(host, Data.Accounts.PortalRoles.Editor);

        async Task<HttpResponseMessage> SignInFromAsync(string address, string password)
        {
            var client = BackOffice.Client(host);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return await BackOffice.SignInAsync(client, email, password);
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) first.Add((await SignInFromAsync("203.0.113.7", "Fout-wachtwoord-1")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);

        var other = await SignInFromAsync("198.51.100.24", BackOffice.Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var cookie = other.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jas-beheer=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        // One IPv6 home network is one visitor: new addresses from its /64 do not buy new attempts (review of 7 December
        // 2026; the other limits already counted so), while the next network is someone else.
        var sameHome = new List<HttpStatusCode>();
        foreach (var address in new[] { "2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3" })
            sameHome.Add((await SignInFromAsync(address, "Fout-wachtwoord-1")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], sameHome);
        Assert.Equal(HttpStatusCode.OK, (await SignInFromAsync("2001:db8:1:3::1", "Fout-wachtwoord-1")).StatusCode);
    }
}
