using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>The footer's "Open data" leads to a page in the reader's language that says what can be fetched and links
/// to it; every one of those links answers with the data it names. It led to the raw OpenAPI document before (found by
/// the review of 5 December 2026).</summary>
public abstract partial class OpenDataPageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("href=\"(/(?:api|feeds|openapi)/[^\"]+)\"")]
    private static partial Regex DataLink();

    [Theory]
    [InlineData("nl")]
    [InlineData("ar")]
    [InlineData("en")]
    [InlineData("fa")]
    [InlineData("prs")]
    [InlineData("so")]
    [InlineData("ti")]
    [InlineData("uk")]
    public async Task The_footer_leads_to_the_open_data_page_in_the_readers_language_and_every_link_there_answers(string code)
    {
        var client = Client();
        var home = await client.GetStringAsync($"/{code}");
        Assert.Contains($"<li><a href=\"/{code}/open-data\">", home);
        Assert.Contains($"href=\"/{code}/open-data\"", await client.GetStringAsync($"/{code}/over"));

        var response = await client.GetAsync($"/{code}/open-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("notice--fallback", page);

        var links = DataLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(links.Count >= 12, string.Join(" ", links));
        foreach (var link in links)
        {
            using var data = await client.GetAsync(link);
            Assert.True(data.StatusCode == HttpStatusCode.OK, $"{link}: {(int)data.StatusCode}");
            var type = data.Content.Headers.ContentType?.MediaType;
            var expected = link.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv"
                : link.EndsWith(".atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/json";
            Assert.True(type == expected, $"{link}: {type}, expected {expected}");
        }
    }
}

public sealed class SqliteOpenDataPageTests(SqlitePortal fixture) : OpenDataPageTests<SqlitePortal>(fixture);

public sealed class PostgresOpenDataPageTests(PostgresPortal fixture) : OpenDataPageTests<PostgresPortal>(fixture);
