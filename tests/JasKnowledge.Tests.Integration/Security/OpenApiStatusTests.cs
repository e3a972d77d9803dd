using System.Text.Json;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Security;

/// <summary>The OpenAPI document names every status an operation really answers: a client generated
/// from it (or a fuzzer driven by it) is never surprised by a 404 or a 400.</summary>
public abstract class OpenApiStatusTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    /// <summary>Each request with the operation (path template) it belongs to; good and bad input alike.</summary>
    private static readonly (string Template, string Url)[] Requests =
    [
        ("/api/v1/languages", "/api/v1/languages"),
        ("/api/v1/content", "/api/v1/content?lang=ar"),
        ("/api/v1/content", "/api/v1/content?lang=xx"),
        ("/api/v1/search", "/api/v1/search?q=gesprek"),
        ("/api/v1/search", "/api/v1/search?q=gesprek&lang=xx"),
        ("/api/v1/search", "/api/v1/search?q=gesprek&page=0"),
        ("/api/v1/downloads", "/api/v1/downloads"),
        ("/api/v1/municipalities", "/api/v1/municipalities"),
        ("/api/v1/municipalities.csv", "/api/v1/municipalities.csv"),
        ("/api/v1/municipalities/{code}", "/api/v1/municipalities/0546"),
        ("/api/v1/municipalities/{code}", "/api/v1/municipalities/9999"),
        ("/api/v1/blueprints", "/api/v1/blueprints"),
        ("/api/v1/blueprints/{slug}", "/api/v1/blueprints/24x24-2016"),
        ("/api/v1/blueprints/{slug}", "/api/v1/blueprints/bestaat-niet"),
        ("/api/v1/blueprints/{slug}.csv", "/api/v1/blueprints/24x24-2016.csv"),
        ("/api/v1/blueprints/{slug}.csv", "/api/v1/blueprints/bestaat-niet.csv"),
    ];

    [Fact]
    public async Task Every_status_an_operation_answers_is_in_the_document()
    {
        var client = fixture.Factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet());

        Assert.Equal(documented.Keys.Order(), Requests.Select(r => r.Template).Distinct().Order());
        var seen = new HashSet<(string, string)>();
        foreach (var (template, url) in Requests)
        {
            using var response = await client.GetAsync(url);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(
                documented[template].Contains(status), $"{url} answered {status}; {template} documents {string.Join(", ", documented[template])}.");
            seen.Add((template, status));
        }
        // Every documented status was seen too, so the document does not promise what never happens.
        foreach (var (template, statuses) in documented)
            foreach (var status in statuses)
                Assert.Contains((template, status), seen);
    }
}

public sealed class SqliteOpenApiStatusTests(SqlitePortal fixture) : OpenApiStatusTests<SqlitePortal>(fixture);

public sealed class PostgresOpenApiStatusTests(PostgresPortal fixture) : OpenApiStatusTests<PostgresPortal>(fixture);
