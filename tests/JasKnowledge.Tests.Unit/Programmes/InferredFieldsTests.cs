using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>A status or blueprint the portal inferred stays marked while the municipality's editor keeps it; one the editor sets
/// is theirs and loses the mark.</summary>
public sealed class InferredFieldsTests
{
    private static MunicipalityFields Inferred() => new()
    {
        Code = "0547", Status = "actief", Blueprint = "leidse-inburgering-2019", Inferred = ["status", "blueprint"],
    };

    [Fact]
    public void An_edit_that_keeps_both_values_keeps_both_marks() =>
        Assert.Equal(["status", "blueprint"],
            MunicipalityFields.InferredAfterEdit(Inferred(), new() { Code = "0547", Status = "actief", Blueprint = "leidse-inburgering-2019" }));

    [Fact]
    public void A_value_the_editor_changes_is_no_longer_inferred() =>
        Assert.Equal(["blueprint"],
            MunicipalityFields.InferredAfterEdit(Inferred(), new() { Code = "0547", Status = "gestopt", Blueprint = "leidse-inburgering-2019" }));

    [Fact]
    public void A_new_record_has_nothing_inferred() =>
        Assert.Empty(MunicipalityFields.InferredAfterEdit(null, Inferred()));

    [Fact]
    public void The_rules_refuse_anything_else_marked_as_inferred()
    {
        var fields = Inferred();
        fields.Inferred.Add("since");
        var errors = new JasKnowledge.Programmes.Model.MunicipalityFieldRules()
            .Check(new JasKnowledge.Core.Content.VersionText("t", "", Fields: JasKnowledge.Programmes.Model.ProgrammeJson.Write(fields)));
        Assert.Contains(errors, e => e.Field == "inferred" && e.Message.Contains("'since'"));
        fields.Inferred.Remove("since");
        Assert.DoesNotContain(new JasKnowledge.Programmes.Model.MunicipalityFieldRules()
            .Check(new JasKnowledge.Core.Content.VersionText("t", "", Fields: JasKnowledge.Programmes.Model.ProgrammeJson.Write(fields))), e => e.Field == "inferred");
    }
}
