using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Programmes;

/// <summary>The module's open data through HTTP on both databases: the municipality list as JSON and
/// CSV, one municipality with programme, diff and outcomes, and the blueprints.</summary>
public abstract class ProgrammesApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient();

    [Fact]
    public async Task The_list_has_all_342_municipalities_and_only_the_four_with_sources_have_a_status()
    {
        var list = await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities");

        Assert.Equal(342, list.GetArrayLength());
        var leiden = list.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "0546");
        Assert.Equal("Leiden", leiden.GetProperty("name").GetString());
        Assert.Equal("Zuid-Holland", leiden.GetProperty("province").GetString());
        Assert.Equal("actief", leiden.GetProperty("status").GetString());
        Assert.Equal("2015-10", leiden.GetProperty("since").GetString());
        Assert.Equal("24x24-2016", leiden.GetProperty("blueprint").GetString());
        Assert.False(leiden.GetProperty("fictional").GetBoolean());
        var known = list.EnumerateArray().Where(m => m.GetProperty("status").GetString() != "geen-informatie")
            .Select(m => m.GetProperty("code").GetString()).Order();
        Assert.Equal(["0546", "0547", "0579", "0638"], known);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_a_row_per_municipality()
    {
        var response = await Client().GetAsync("/api/v1/municipalities.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "gemeenten-24x24.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(343, lines.Length);
        Assert.Equal("code,naam,provincie,status,sinds,blauwdruk,blauwdrukversie,fictief,bron,status_afgeleid,blauwdruk_afgeleid", lines[0]);
        Assert.StartsWith(
            "0546,Leiden,Zuid-Holland,actief,2015-10,24x24-2016,2016,nee,", lines.Single(l => l.StartsWith("0546,", StringComparison.Ordinal)));
        // What the portal inferred for a municipality of the region is marked in the open data too (the review of 6 December 2026).
        Assert.EndsWith(",nee,nee", lines.Single(l => l.StartsWith("0546,", StringComparison.Ordinal)));
        Assert.EndsWith(",ja,ja", lines.Single(l => l.StartsWith("0547,", StringComparison.Ordinal)));
        Assert.Contains("\"Nuenen, Gerwen en Nederwetten\"", lines.Single(l => l.Contains("Nuenen", StringComparison.Ordinal)));
        Assert.Contains("Fryslân", string.Join("\n", lines));
    }

    [Fact]
    public async Task What_the_portal_inferred_is_said_in_the_json_and_on_the_pages()
    {
        var leiderdorp = await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities/0547");
        Assert.Equal(["status", "blueprint"], leiderdorp.GetProperty("adoption").GetProperty("inferred").EnumerateArray().Select(e => e.GetString()));
        var listed = (await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities")).EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == "0579");
        Assert.Equal(2, listed.GetProperty("inferred").GetArrayLength());

        var table = await Client().GetStringAsync("/nl/gemeenten");
        var row = System.Text.RegularExpressions.Regex.Match(table, "<tr>\\s*<td><input[^>]*value=\"0547\".*?</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Actief (afgeleid)", row);
        Assert.Contains("versie mei 2019 (afgeleid)", row);
        Assert.Contains("(afgeleid): geen bron zegt dit voor deze gemeente zelf", table);
        var compare = await Client().GetStringAsync("/nl/gemeenten/vergelijken?g=0546&g=0547");
        Assert.Contains("<td>versie mei 2019 (afgeleid)</td>", compare);
        Assert.Contains("<td>versie 2016</td>", compare);
    }

    [Theory]
    [InlineData("0546")]
    [InlineData("GM0546")]
    public async Task One_municipality_has_its_adoption_programme_diff_and_outcomes_with_their_source(string code)
    {
        var leiden = await Client().GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{code}");

        Assert.Equal("0546", leiden.GetProperty("code").GetString());
        var adoption = leiden.GetProperty("adoption");
        Assert.Equal("actief", adoption.GetProperty("status").GetString());
        Assert.Equal("2016", adoption.GetProperty("blueprint").GetProperty("version").GetString());
        Assert.Equal(0, adoption.GetProperty("inferred").GetArrayLength());
        Assert.True(adoption.GetProperty("sources").GetArrayLength() >= 2);
        Assert.Equal(
            [12, 12, 24, 48, 48],
            leiden.GetProperty("programme").GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("weeks").GetInt32()));
        var diff = leiden.GetProperty("diff").EnumerateArray().ToList();
        Assert.Contains(diff, c => c.GetProperty("kind").GetString() == "added" && c.GetProperty("subject").GetString() == "Periode 5");
        Assert.Contains(diff, c => c.GetProperty("kind").GetString() == "changed" && c.GetProperty("subject").GetString() == "Periode 1: weken"
            && c.GetProperty("before").GetString() == "24 weken" && c.GetProperty("after").GetString() == "12 weken");
        var outcomes = leiden.GetProperty("outcomes").EnumerateArray().ToList();
        var regional = outcomes.Single(o => o.GetProperty("municipalities").GetArrayLength() == 4);
        Assert.Contains("samen", regional.GetProperty("scope").GetString());
        Assert.Contains("Werk en Inkomen", regional.GetProperty("source").GetString());
        var all = regional.GetProperty("cohorts").EnumerateArray().Last();
        Assert.Equal(694, all.GetProperty("participants").GetInt32());
        Assert.Equal(242, all.GetProperty("outflow").GetProperty("total").GetInt32());
        Assert.Equal(84, all.GetProperty("outflow").GetProperty("work").GetInt32());
    }

    [Fact]
    public async Task A_municipality_without_sources_says_no_information_and_has_no_programme()
    {
        var utrecht = await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities/0344");

        Assert.Equal("Utrecht", utrecht.GetProperty("name").GetString());
        Assert.Equal("geen-informatie", utrecht.GetProperty("adoption").GetProperty("status").GetString());
        Assert.False(utrecht.TryGetProperty("programme", out var programme) && programme.ValueKind != JsonValueKind.Null);
        Assert.Equal(0, utrecht.GetProperty("outcomes").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/municipalities/9999")]
    [InlineData("/api/v1/municipalities/leiden")]
    [InlineData("/api/v1/municipalities/%27%3B%20drop")]
    [InlineData("/api/v1/blueprints/onbekend")]
    [InlineData("/api/v1/blueprints/onbekend.csv")]
    public async Task Unknown_codes_and_blueprints_are_404_problems(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_blueprints_are_listed_with_their_versions_and_downloadable()
    {
        var families = await Client().GetFromJsonAsync<JsonElement>("/api/v1/blueprints");
        var family = families.EnumerateArray().Single();
        Assert.Equal("24x24", family.GetProperty("family").GetString());
        Assert.Equal(["2016", "mei 2019"], family.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));

        var blueprint = await Client().GetFromJsonAsync<JsonElement>("/api/v1/blueprints/24x24-2016");
        Assert.Equal(
            [24, 24, 24, 24],
            blueprint.GetProperty("programme").GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("hours").GetInt32()));

        var csv = await Client().GetStringAsync("/api/v1/blueprints/leidse-inburgering-2019.csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("onderdeel,Periode 1 (12 weken, minstens 24 uur per week)", lines[0].Replace("\"", ""));
        Assert.Equal("Het Gesprek,,ja,ja,,,,", lines.Single(l => l.StartsWith("Het Gesprek,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_endpoints_are_described_in_the_openapi_document()
    {
        var document = await Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/municipalities", "/api/v1/municipalities.csv", "/api/v1/municipalities/{code}", "/api/v1/blueprints",
            "/api/v1/blueprints/{slug}", "/api/v1/blueprints/{slug}.csv" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}

public sealed class SqliteProgrammesApiTests(SqlitePortal fixture) : ProgrammesApiTests<SqlitePortal>(fixture);

public sealed class PostgresProgrammesApiTests(PostgresPortal fixture) : ProgrammesApiTests<PostgresPortal>(fixture);
