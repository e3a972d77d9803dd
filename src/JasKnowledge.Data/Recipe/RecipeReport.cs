using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Data.Recipe;

/// <summary>What an import did, file by file.</summary>
public sealed class RecipeReport
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int RevisionsAdded { get; set; }
    public List<RecipeProblem> Problems { get; } = [];

    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Unchanged} unchanged, {RevisionsAdded} file revisions added, {Problems.Count} problems";
}
