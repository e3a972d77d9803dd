using System.Net;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Security;

/// <summary>Every kind of response carries the security headers, the policy allows no inline script
/// and no other origin, and security.txt follows RFC 9116.</summary>
public abstract class SecurityHeadersTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    [Theory]
    [InlineData("/nl")]
    [InlineData("/ar/video/het-gesprek")]
    [InlineData("/nl/gemeenten")]
    [InlineData("/nl/bestaat-niet")]
    [InlineData("/api/v1/municipalities/0546")]
    [InlineData("/files/nl/het-gesprek-handboek-pdf/latest")]
    [InlineData("/beheer/inloggen")]
    [InlineData("/beheer")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var client = BackOffice.Client(fixture.Factory);
        using var response = await client.GetAsync(url);

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Windows_with_a_session_are_isolated_from_cross_origin_openers_and_public_pages_are_not()
    {
        var anonymous = fixture.Factory.CreateClient();
        foreach (var url in new[] { "/nl", "/ar/informatie/de-zorgverzekering", "/ti/video/je-klantmanager" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"), url);
        }
        using (var signIn = await anonymous.GetAsync("/beheer/inloggen"))
            Assert.Equal("same-origin", signIn.Headers.GetValues("Cross-Origin-Opener-Policy").Single());

        var host = BackOffice.WithLoginLimit(fixture.Factory, 1000);
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, JasKnowledge.Data.Accounts.PortalRoles.Editor));
        foreach (var url in new[] { "/beheer", "/nl" })
        {
            using var response = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        }
    }

    [Fact]
    public async Task No_page_has_inline_script_or_style()
    {
        var client = fixture.Factory.CreateClient();
        foreach (var url in new[] { "/nl", "/nl/handboek/sessie-1-nederland-en-jij/sessie", "/ti/video/het-gesprek", "/nl/gemeenten/leiden",
            "/nl/blauwdrukken/24x24-2016", "/beheer/inloggen" })
        {
            var html = await client.GetStringAsync(url);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/beheer/inloggen")]
    [InlineData("/beheer")]
    public async Task Back_office_pages_with_tokens_are_never_compressed(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await BackOffice.Client(fixture.Factory).SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        using var publicPage = new HttpRequestMessage(HttpMethod.Get, "/nl");
        publicPage.Headers.Add("Accept-Encoding", "br");
        Assert.Equal("br", (await fixture.Factory.CreateClient().SendAsync(publicPage)).Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Security_txt_names_a_contact_and_an_expiry_in_the_future()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/.well-known/security.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches("(?m)^Contact: https://", text);
        var expires = DateTime.Parse(
            System.Text.RegularExpressions.Regex.Match(text, "(?m)^Expires: (.+)$").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(expires, DateTime.UtcNow.AddDays(30), DateTime.UtcNow.AddYears(1));
    }
}

public sealed class SqliteSecurityHeadersTests(SqlitePortal fixture) : SecurityHeadersTests<SqlitePortal>(fixture);

public sealed class PostgresSecurityHeadersTests(PostgresPortal fixture) : SecurityHeadersTests<PostgresPortal>(fixture);
