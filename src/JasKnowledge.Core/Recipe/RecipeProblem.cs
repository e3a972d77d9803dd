namespace JasKnowledge.Core.Recipe;

/// <summary>Something wrong with one file of the content folder, pointing at the line to fix.</summary>
public sealed record RecipeProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

public sealed class RecipeFormatException(RecipeProblem problem) : Exception(problem.ToString())
{
    public RecipeProblem Problem { get; } = problem;
}
