using System.Net.Http.Json;
using System.Text.Json;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes;
using JasKnowledge.Programmes.Model;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Programmes;

/// <summary>Changes to the module's data on both databases: a new version of a configuration shows at
/// once with its change note, a configuration that breaks the model is refused per field with nothing
/// saved, and the opt-in demo data is marked fictional everywhere while sourced records stay as they are.
/// Each class has its own portal, because these tests change it.</summary>
public abstract class ProgrammeChangesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient();

    [Fact]
    public async Task A_new_version_of_a_configuration_is_shown_at_once_with_its_change_note()
    {
        Assert.Contains("volgt de blauwdruk zonder eigen wijzigingen", await Client().GetStringAsync("/nl/gemeenten/oegstgeest"));

        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync("programmas/gemeenten/oegstgeest", "nl"))!;
            var fields = ProgrammeJson.Read<MunicipalityFields>(item.Published!.Fields);
            var blueprint = ProgrammeJson.Read<BlueprintFields>(
                (await store.FindAsync("programmas/blauwdrukken/leidse-inburgering-2019", "nl"))!.Published!.Fields);
            fields.Programme = blueprint.Programme;
            fields.Programme.Periods[0].Weeks = 16;
            fields.Programme.Components.Add(new ProgrammeComponent { Key = "taalmaatje", Name = "Taalmaatje (testonderdeel)", Periods = [1, 2] });
            var text = item.Published.ToText() with { Fields = ProgrammeJson.Write(fields), ChangeNote = "Eerste periode vier weken langer (test)" };
            await store.PublishNewVersionAsync(item, text, "test");
        }

        var html = await Client().GetStringAsync("/nl/gemeenten/oegstgeest");
        Assert.DoesNotContain("volgt de blauwdruk zonder eigen wijzigingen", html);
        Assert.Contains("<del>12 weken</del>", html);
        Assert.Contains("<ins>16 weken</ins>", html);
        Assert.Contains("Onderdeel: Taalmaatje (testonderdeel)", html);
        Assert.Contains("Eerste periode vier weken langer (test)", html);
        Assert.Contains("Versie 2", html);
        var api = await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities/0579");
        Assert.Contains(
            api.GetProperty("diff").EnumerateArray(), c => c.GetProperty("subject").GetString() == "Onderdeel: Taalmaatje (testonderdeel)");
    }

    [Fact]
    public async Task A_configuration_that_breaks_the_model_is_refused_per_field_and_nothing_is_saved()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = (await store.FindAsync("programmas/gemeenten/zoeterwoude", "nl"))!;
        var versions = item.Versions.Count;
        var fields = ProgrammeJson.Read<MunicipalityFields>(item.Published!.Fields);
        fields.Programme = new Programme
        {
            Periods = [new ProgrammePeriod { Weeks = -4, Hours = 24 }, new ProgrammePeriod { Weeks = 0, Hours = 41 }],
            Components = [new ProgrammeComponent { Key = "los", Name = "Los onderdeel", Periods = [] }],
        };

        var refused = await Assert.ThrowsAsync<ContentRuleException>(() =>
            store.SaveDraftAsync(item, item.Published.ToText() with { Fields = ProgrammeJson.Write(fields) }, "test"));

        Assert.Equal(
            ["programme.components[0].periods", "programme.periods[0].weeks", "programme.periods[1].hours", "programme.periods[1].weeks"],
            refused.Errors.Select(e => e.Field).Order());
        using var fresh = fixture.Factory.Services.CreateScope();
        var reloaded = await fresh.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("programmas/gemeenten/zoeterwoude", "nl");
        Assert.Equal(versions, reloaded!.Versions.Count);
        Assert.Null(reloaded.Draft);
    }

    [Fact]
    public async Task Demo_data_fills_the_other_municipalities_and_every_page_and_export_marks_it_fictional()
    {
        DemoReport report;
        using (var scope = fixture.Factory.Services.CreateScope())
            report = await scope.ServiceProvider.GetRequiredService<DemoData>().GenerateAsync();
        Assert.Equal(338, report.Created);
        Assert.Equal(4, report.Skipped);

        var list = await Client().GetFromJsonAsync<JsonElement>("/api/v1/municipalities");
        var byCode = list.EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.All(new[] { "0546", "0547", "0579", "0638" }, code => Assert.False(byCode[code].GetProperty("fictional").GetBoolean()));
        Assert.Equal(338, byCode.Values.Count(m => m.GetProperty("fictional").GetBoolean()));

        var csv = (await Client().GetStringAsync("/api/v1/municipalities.csv")).Split("\r\n");
        Assert.Equal(338, csv.Count(l => l.EndsWith(",ja,verzonnen demodata (demo-data),nee,nee", StringComparison.Ordinal)));
        Assert.Contains(",nee,", csv.Single(l => l.StartsWith("0546,", StringComparison.Ordinal)));

        var adoption = await Client().GetStringAsync("/nl/gemeenten");
        Assert.Contains("dit portaal bevat fictieve demodata", adoption);
        Assert.Contains("(fictief)", adoption);
        var amsterdam = await Client().GetStringAsync("/nl/gemeenten/amsterdam");
        Assert.Contains("is verzonnen demodata", amsterdam);
        var leiden = await Client().GetStringAsync("/nl/gemeenten/leiden");
        Assert.DoesNotContain("fictief", leiden, StringComparison.OrdinalIgnoreCase);

        // A second run leaves everything as it is.
        using (var scope = fixture.Factory.Services.CreateScope())
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<DemoData>().GenerateAsync()).Created);
    }
}

public sealed class SqliteProgrammeChangesTests(SqlitePortal fixture) : ProgrammeChangesTests<SqlitePortal>(fixture);

public sealed class PostgresProgrammeChangesTests(PostgresPortal fixture) : ProgrammeChangesTests<PostgresPortal>(fixture);
