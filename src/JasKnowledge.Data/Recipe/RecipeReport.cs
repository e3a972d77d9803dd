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
    /// <summary>Files that failed for a reason outside them (the blob store or the database did not answer): importing
    /// the folder again brings them in, where a file's own problem would fail again.</summary>
    public List<string> NotImported { get; } = [];

    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Unchanged} unchanged, {RevisionsAdded} file revisions added, {Problems.Count} problems";
}
