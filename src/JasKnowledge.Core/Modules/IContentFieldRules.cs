using JasKnowledge.Core.Content;

namespace JasKnowledge.Core.Modules;

/// <summary>The rules a module sets for the fields of its own content type. The content store checks
/// them before it saves anything (import, drafts, publishing), so a broken text never lands, whichever
/// way it came in.</summary>
public interface IContentFieldRules
{
    string Type { get; }

    IReadOnlyList<ContentFieldError> Check(VersionText text);
}
