using JasKnowledge.Core.Content;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Programmes;

/// <summary>What search finds in the module's items besides their title and text: the names of the
/// components, the partners and the notes of the programme.</summary>
internal static class SearchText
{
    public static string? Blueprint(ContentVersion version) => Of(ProgrammeJson.Read<BlueprintFields>(version.Fields).Programme);

    public static string? Municipality(ContentVersion version) =>
        ProgrammeJson.Read<MunicipalityFields>(version.Fields).Programme is { } programme ? Of(programme) : null;

    private static string Of(Programme programme) => string.Join("\n", programme.Components.Select(c => c.Name)
        .Concat(programme.Partners)
        .Concat(programme.Tracks.Select(t => t.Description))
        .Append(programme.Contact ?? "")
        .Append(programme.Under30 ?? "")
        .Append(programme.Notes ?? ""));
}
