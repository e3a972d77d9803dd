namespace JasKnowledge.Programmes.Features.Programmes;

/// <summary>How the pages mark a status or blueprint the portal inferred (<see cref="Model.MunicipalityFields.Inferred"/>), and the
/// one sentence that explains the mark: the same words in the table, the comparison and the municipality's page.</summary>
public static class InferredText
{
    public const string Explanation =
        "(afgeleid): geen bron zegt dit voor deze gemeente zelf; het portaal leidde het af uit wat de bronnen over de regio zeggen.";

    public static string Mark(bool? inferred) => inferred == true ? " (afgeleid)" : "";
}
