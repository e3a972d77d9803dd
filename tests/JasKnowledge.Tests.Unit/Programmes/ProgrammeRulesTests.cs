using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>What makes a programme a programme: every broken field gets its own error under the name the
/// edit form uses, and a municipality record's fields are refused when they are not the model at all.</summary>
public sealed class ProgrammeRulesTests
{
    /// <summary>Five periods and two components, valid in every respect.</summary>
    private static Programme Valid() => new()
    {
        Periods =
        [
            new() { Name = "Blok 1", Weeks = 12, Hours = 24 },
            new() { Weeks = 12, Hours = 24 },
            new() { Weeks = 24, Hours = 24 },
            new() { Weeks = 48, Hours = 24 },
            new() { Weeks = 48, Hours = 24 },
        ],
        Components =
        [
            new() { Key = "klantmanager", Name = "Gesprekken met de klantmanager", Periods = [1, 2, 3, 4, 5], Partner = "Werk en Inkomen" },
            new() { Key = "het-gesprek", Name = "Het Gesprek", Periods = [2, 3] },
        ],
        Contact = "Elke 1 tot 4 weken.",
        Tracks = [new() { Code = "A", Description = "Het ideale spoor." }],
        Partners = ["VluchtelingenWerk"],
    };

    private static FieldError SingleError(Programme programme) => Assert.Single(ProgrammeRules.Check(programme));

    [Fact]
    public void A_valid_programme_has_no_errors()
    {
        Assert.Empty(ProgrammeRules.Check(Valid()));
    }

    /// <summary>A browser breaks the line at U+2028 too (the second attack of 6 December 2026 saved names with it).</summary>
    [Theory]
    [InlineData("P\u2028x", "één regel")]
    [InlineData("P\u2029x", "één regel")]
    [InlineData("P\nx", "één regel")]
    [InlineData("P\u0085x", "één regel")]
    [InlineData("P\u202Ex", "leesrichting")]
    [InlineData("P\u000Cx", "stuurteken (U+000C)")]
    public void A_name_or_partner_is_one_line_of_visible_text(string name, string problem)
    {
        var programme = Valid();
        programme.Periods[0].Name = name;
        var error = SingleError(programme);
        Assert.Equal("periods[0].name", error.Field);
        Assert.Contains(problem, error.Message);
        programme = Valid();
        programme.Partners = [name];
        error = SingleError(programme);
        Assert.Equal("partners[0]", error.Field);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Forty_hours_a_week_is_still_allowed()
    {
        var programme = Valid();
        programme.Periods[1].Hours = ProgrammeRules.MaxHoursPerWeek;

        Assert.Empty(ProgrammeRules.Check(programme));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(0)]
    public void A_period_of_no_or_negative_weeks_is_an_error_on_its_weeks(int weeks)
    {
        var programme = Valid();
        programme.Periods[0].Weeks = weeks;

        var error = SingleError(programme);
        Assert.Equal("periods[0].weeks", error.Field);
        Assert.Contains("Blok 1", error.Message);
    }

    [Fact]
    public void A_period_of_zero_hours_is_an_error_on_its_hours()
    {
        var programme = Valid();
        programme.Periods[2].Hours = 0;

        var error = SingleError(programme);
        Assert.Equal("periods[2].hours", error.Field);
        Assert.Contains("Periode 3", error.Message);
    }

    [Fact]
    public void More_than_forty_hours_a_week_is_an_error_on_the_hours()
    {
        var programme = Valid();
        programme.Periods[1].Hours = 41;

        Assert.Equal("periods[1].hours", SingleError(programme).Field);
    }

    [Fact]
    public void A_component_without_a_period_is_an_error_on_its_periods()
    {
        var programme = Valid();
        programme.Components[1].Periods = [];

        Assert.Equal("components[1].periods", SingleError(programme).Field);
    }

    [Fact]
    public void A_component_in_period_seven_of_a_five_period_programme_is_an_error_on_its_periods()
    {
        var programme = Valid();
        programme.Components[1].Periods = [2, 7];

        var error = SingleError(programme);
        Assert.Equal("components[1].periods", error.Field);
        Assert.Contains("periode 7", error.Message);
    }

    [Fact]
    public void A_duplicate_component_key_is_an_error_on_the_second_key()
    {
        var programme = Valid();
        programme.Components[1].Key = programme.Components[0].Key;

        Assert.Equal("components[1].key", SingleError(programme).Field);
    }

    [Theory]
    [InlineData("Het Gesprek")]
    [InlineData("het-gesprek\n")]   // a final line feed passed the key's pattern while it ended in $ rather than \z
    public void A_key_with_capitals_a_space_or_a_line_feed_is_an_error_on_the_key(string key)
    {
        var programme = Valid();
        programme.Components[1].Key = key;

        Assert.Equal("components[1].key", SingleError(programme).Field);
    }

    [Fact]
    public void A_component_without_a_name_is_an_error_on_its_name()
    {
        var programme = Valid();
        programme.Components[0].Name = "";

        var error = SingleError(programme);
        Assert.Equal("components[0].name", error.Field);
        Assert.Contains("Onderdeel 1", error.Message);
    }

    [Fact]
    public void A_programme_without_periods_is_an_error_on_the_periods()
    {
        Assert.Equal("periods", SingleError(new Programme()).Field);
    }

    [Fact]
    public void Components_of_a_programme_without_periods_name_periods_that_do_not_exist()
    {
        var programme = Valid();
        programme.Periods.Clear();

        var fields = ProgrammeRules.Check(programme).Select(e => e.Field).ToList();

        Assert.Equal(["components[0].periods", "components[1].periods", "periods"], fields.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Several_mistakes_give_one_error_for_each_field()
    {
        var programme = Valid();
        programme.Periods[0].Weeks = 0;
        programme.Periods[1].Hours = 41;
        programme.Components[0].Periods = [];
        programme.Components[1].Key = "Het Gesprek";

        var fields = ProgrammeRules.Check(programme).Select(e => e.Field).Order(StringComparer.Ordinal);

        Assert.Equal(["components[0].periods", "components[1].key", "periods[0].weeks", "periods[1].hours"], fields);
    }

    private static IReadOnlyList<ContentFieldError> CheckMunicipality(string fieldsJson) =>
        new MunicipalityFieldRules().Check(new VersionText("24x24 in Leiden", "Tekst", Fields: fieldsJson));

    [Fact]
    public void A_complete_municipality_record_has_no_errors()
    {
        Assert.Empty(CheckMunicipality("""{"code":"0546","status":"actief","since":"2015-10","blueprint":"24x24-2016"}"""));
    }

    [Theory]
    [InlineData("""{"code":"0546","status":"bezig"}""", "status")]
    [InlineData("""{"code":"546","status":"actief"}""", "code")]
    [InlineData("""{"code":"0546","status":"actief","since":"vorig jaar"}""", "since")]
    [InlineData("""{"code":"0546","status":"actief","programme":{"periods":[{"weeks":"veel","hours":24}]}}""", "fields")]
    public void A_municipality_record_with_one_mistake_gets_one_error_on_that_field(string fieldsJson, string field)
    {
        Assert.Equal(field, Assert.Single(CheckMunicipality(fieldsJson)).Field);
    }

    [Fact]
    public void The_programme_of_a_municipality_is_checked_with_its_fields_under_programme()
    {
        var error = Assert.Single(CheckMunicipality("""{"code":"0546","status":"actief","programme":{"periods":[{"weeks":0,"hours":24}]}}"""));

        Assert.Equal("programme.periods[0].weeks", error.Field);
    }

    [Fact]
    public void Numbers_and_booleans_written_as_text_the_way_yaml_gives_them_are_accepted()
    {
        var json = """{"code":"0546","status":"actief","fictional":"true","programme":{"periods":["""
            + """{"weeks":"12","hours":"24"}],"components":[{"key":"startgroep","name":"Startgroep","periods":["1"]}]}}""";

        Assert.Empty(CheckMunicipality(json));
        var fields = ProgrammeJson.Read<MunicipalityFields>(json);
        Assert.True(fields.Fictional);
        Assert.Equal(12, fields.Programme?.TotalWeeks);
    }
}
