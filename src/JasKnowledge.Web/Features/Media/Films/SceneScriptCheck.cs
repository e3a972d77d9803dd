using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Web.Features.Media.Films;

/// <summary>
/// The import's check of every <c>*.scenes.yml</c> in the content folder: parsable, its illustrations
/// present in <c>illustraties/</c> next to it, its scenes not overlapping and covering every cue of the
/// film's subtitles in every language. The render command runs the same check before drawing a frame.
/// </summary>
public sealed class SceneScriptCheck : IContentFolderCheck
{
    public IReadOnlyList<RecipeProblem> Check(string folder)
    {
        var problems = new List<RecipeProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*" + SceneScript.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            problems.AddRange(Load(file, relative).Problems);
        }
        return problems;
    }

    /// <summary>The script at <paramref name="file"/> (reported as <paramref name="shownPath"/>) and what is wrong with it.</summary>
    public static (SceneScript? Script, IReadOnlyList<RecipeProblem> Problems) Load(string file, string shownPath)
    {
        SceneScript script;
        try
        {
            script = SceneScript.Parse(shownPath, File.ReadAllText(file));
        }
        catch (RecipeFormatException e)
        {
            return (null, [e.Problem]);
        }
        var directory = Path.GetDirectoryName(file)!;
        var slug = Path.GetFileName(file)[..^SceneScript.Extension.Length];
        var subtitles = new List<(string, IReadOnlyList<WebVttCue>)>();
        foreach (var vtt in Directory.EnumerateFiles(directory, slug + ".*.vtt").Order(StringComparer.Ordinal))
        {
            // A broken subtitle file is the import's own problem to report, with its line.
            try
            {
                subtitles.Add((Path.GetFileName(vtt), WebVtt.Parse(File.ReadAllText(vtt))));
            }
            catch (WebVttException)
            {
            }
        }
        var illustrations = Path.Combine(directory, SceneScript.IllustrationsFolder);
        var problems = script.Check(name => File.Exists(Path.Combine(illustrations, name + ".svg")), subtitles);
        return (problems.Count == 0 ? script : null, problems);
    }
}
