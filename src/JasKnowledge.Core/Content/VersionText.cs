namespace JasKnowledge.Core.Content;

/// <summary>What an author writes for one version of an item.</summary>
/// <param name="Fields">Type-specific fields as a JSON object, or null.</param>
/// <param name="SourceVersion">For a translation: the number of the source-culture version it was made from.</param>
public sealed record VersionText(
    string Title,
    string Body,
    string? Summary = null,
    string? Fields = null,
    string? ChangeNote = null,
    bool IsMajor = false,
    int? SourceVersion = null)
{
    /// <summary>True when the text a reader sees is the same (change notes and flags aside).</summary>
    public bool SameContentAs(ContentVersion version) =>
        Title == version.Title && Body == version.Body && Summary == version.Summary &&
        Fields == version.Fields && SourceVersion == version.SourceVersion;
}
