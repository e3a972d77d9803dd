using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Core.Modules;

/// <summary>
/// A check of files in the content folder that are not content items or file manifests themselves but
/// must agree with them (a film's scene script with its subtitles and illustrations). The import runs
/// every registered check and reports what it finds with file and line, like a broken content file.
/// </summary>
public interface IContentFolderCheck
{
    IReadOnlyList<RecipeProblem> Check(string folder);
}
