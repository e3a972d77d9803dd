namespace JasKnowledge.Core.Content;

/// <summary>A mistake in one field of a version's text.</summary>
public sealed record ContentFieldError(string Field, string Message);

/// <summary>The rules a module sets for the fields of its own content type. The content store checks
/// them before it saves anything (import, drafts, publishing), so a broken text never lands, whichever
/// way it came in.</summary>
public interface IContentFieldRules
{
    string Type { get; }

    IReadOnlyList<ContentFieldError> Check(VersionText text);
}
