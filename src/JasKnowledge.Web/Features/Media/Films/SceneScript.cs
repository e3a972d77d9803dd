using System.Globalization;
using JasKnowledge.Core.Recipe;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace JasKnowledge.Web.Features.Media.Films;

/// <summary>How a picture enters or changes during its scene.</summary>
public enum Motion
{
    /// <summary>Shown for the whole scene.</summary>
    Still,
    /// <summary>Fades in while rising a little.</summary>
    Appear,
    /// <summary>Slides from <see cref="ScenePicture.From"/> to its place.</summary>
    Move,
    /// <summary>Grows and shrinks once, to draw the eye.</summary>
    Highlight,
    /// <summary>Its parts marked <c>data-step="1"</c>, <c>"2"</c>… appear one after another.</summary>
    Count,
}

/// <summary>One illustration in a scene: where its centre is (on a 1280×720 stage), how tall it is drawn,
/// and its motion, which starts <see cref="Delay"/> seconds into the scene and lasts <see cref="Seconds"/>.</summary>
public sealed record ScenePicture(
    string Illustration, double X, double Y, double Height, Motion Motion, double Delay, double Seconds, (double X, double Y)? From, int Line);

public sealed record Scene(double Start, double End, string? Background, IReadOnlyList<ScenePicture> Pictures, int Line);

/// <summary>
/// A film as a file: <c>video/slug.scenes.yml</c> lists scenes with their start and end in seconds,
/// each showing illustrations from <c>video/illustraties/</c> with a simple motion. One script serves
/// every language (the pictures have no words); the subtitles carry the words, so the scenes must cover
/// every cue. Parsing and the checks live here, so the render command and the import refuse the same
/// mistakes with the same file and line.
/// </summary>
public sealed record SceneScript(string Path, double Poster, string Background, IReadOnlyList<Scene> Scenes)
{
    public const string Extension = ".scenes.yml";
    public const string IllustrationsFolder = "illustraties";
    public const int Width = 1280;
    public const int Height = 720;

    public double Duration => Scenes.Count == 0 ? 0 : Scenes[^1].End;

    /// <summary>The scene shown at <paramref name="seconds"/>, or null in a gap between scenes.</summary>
    public Scene? At(double seconds) => Scenes.FirstOrDefault(s => seconds >= s.Start && seconds < s.End);

    public static SceneScript Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Problem(path, (int)e.Start.Line, $"This is not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Problem(path, 1, "A scene script is a mapping with 'poster' and 'scenes'.");

        var background = Text(path, root, "background") ?? "#f6f1e7";
        var scenesNode = Child(root, "scenes") as YamlSequenceNode
            ?? throw Problem(path, Line(root), "The script needs 'scenes': a list of scenes, each with 'start', 'end' and 'show'.");
        var scenes = new List<Scene>();
        foreach (var node in scenesNode)
        {
            if (node is not YamlMappingNode scene)
                throw Problem(path, Line(node), "Each scene is a mapping with 'start', 'end' and 'show'.");
            var start = Number(path, scene, "start") ?? throw Problem(path, Line(scene), "The scene needs a 'start' in seconds.");
            var end = Number(path, scene, "end") ?? throw Problem(path, Line(scene), "The scene needs an 'end' in seconds.");
            if (start < 0 || end <= start)
                throw Problem(path, Line(scene), $"A scene ends after it starts: start {start}, end {end}.");
            if (scenes.Count > 0 && start < scenes[^1].End)
                throw Problem(path, Line(scene),
                    $"This scene starts at {start} s, before the scene on line {scenes[^1].Line} ends ({scenes[^1].End} s): scenes may not overlap.");
            var pictures = new List<ScenePicture>();
            if (Child(scene, "show") is YamlSequenceNode show)
            {
                foreach (var item in show) pictures.Add(Picture(path, item, end - start));
            }
            if (pictures.Count == 0)
                throw Problem(path, Line(scene), "The scene needs 'show': at least one illustration.");
            scenes.Add(new Scene(start, end, Text(path, scene, "background"), pictures, Line(scene)));
        }
        if (scenes.Count == 0) throw Problem(path, Line(scenesNode), "The script has no scenes.");
        var poster = Number(path, root, "poster")
            ?? throw Problem(path, Line(root), "The script needs 'poster': the second whose frame is the poster.");
        var script = new SceneScript(path, poster, background, scenes);
        if (script.At(poster) is null)
            throw Problem(path, Line(Child(root, "poster")!), $"The poster time {poster} s falls outside every scene.");
        return script;
    }

    /// <summary>The problems of a parsed script against the folder it lives in: an illustration that is
    /// not there, or a subtitle cue that no scene covers.</summary>
    public IReadOnlyList<RecipeProblem> Check(
        Func<string, bool> illustrationExists, IEnumerable<(string Path, IReadOnlyList<WebVttCue> Cues)> subtitles)
    {
        var problems = new List<RecipeProblem>();
        foreach (var picture in Scenes.SelectMany(s => s.Pictures).Where(p => !illustrationExists(p.Illustration)))
            problems.Add(new RecipeProblem(Path, picture.Line,
                $"There is no illustration '{picture.Illustration}' ({IllustrationsFolder}/{picture.Illustration}.svg)."));
        foreach (var (vtt, cues) in subtitles)
        {
            foreach (var cue in cues)
            {
                if (!Covers(cue.Start.TotalSeconds, cue.End.TotalSeconds))
                    problems.Add(new RecipeProblem(Path, NearestLine(cue.Start.TotalSeconds),
                        $"No scene shows a picture for the whole cue {cue.Start:m\\:ss\\.fff}–{cue.End:m\\:ss\\.fff} of {vtt}."));
            }
        }
        return problems;
    }

    /// <summary>Every moment of [start, end) lies in a scene (scenes may touch, a gap breaks it).</summary>
    private bool Covers(double start, double end)
    {
        var reached = start;
        foreach (var scene in Scenes)
        {
            if (scene.Start > reached + 1e-9) break;
            if (scene.End > reached) reached = scene.End;
            if (reached >= end - 1e-9) return true;
        }
        return false;
    }

    private int NearestLine(double seconds) =>
        (Scenes.LastOrDefault(s => s.Start <= seconds) ?? Scenes[0]).Line;

    private static ScenePicture Picture(string path, YamlNode node, double sceneSeconds)
    {
        if (node is YamlScalarNode name && !string.IsNullOrWhiteSpace(name.Value))
            return new ScenePicture(Illustration(path, name.Value, Line(node)), Width / 2.0, Height / 2.0, 520, Motion.Still, 0, 0, null, Line(node));
        if (node is not YamlMappingNode map)
            throw Problem(path, Line(node), "An entry of 'show' is an illustration's name or a mapping with 'picture'.");
        var line = Line(map);
        var illustration = Illustration(
            path, Text(path, map, "picture") ?? throw Problem(path, line, "The entry needs 'picture': an illustration's name."), line);
        var (x, y) = Point(path, map, "at") ?? (Width / 2.0, Height / 2.0);
        var height = Number(path, map, "height") ?? 520;
        if (height <= 0 || height > 4 * Height) throw Problem(path, line, $"'height' must be between 1 and {4 * Height}.");
        var motionText = Text(path, map, "motion") ?? "still";
        if (!Enum.TryParse<Motion>(motionText, ignoreCase: true, out var motion) || !Enum.IsDefined(motion) || int.TryParse(motionText, out _))
            throw Problem(path, line, $"'motion' is one of still, appear, move, highlight, count; not '{motionText}'.");
        var delay = Number(path, map, "delay") ?? 0;
        var seconds = Number(path, map, "for") ?? (motion == Motion.Count ? Math.Max(0.5, sceneSeconds - delay - 0.5) : 0.8);
        if (delay < 0 || seconds <= 0 || delay + seconds > sceneSeconds + 1e-9)
            throw Problem(path, line, $"The motion ('delay' {delay} s + 'for' {seconds} s) must fit in its scene of {sceneSeconds:0.###} s.");
        var from = Point(path, map, "from");
        if (motion == Motion.Move && from is null) throw Problem(path, line, "A 'move' needs 'from': [x, y], where the picture starts.");
        return new ScenePicture(illustration, x, y, height, motion, delay, seconds, from, line);
    }

    private static string Illustration(string path, string name, int line) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? name
            : throw Problem(path, line, $"An illustration's name is lower-case letters, digits and '-' (the file name without .svg), not '{name}'.");

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(string path, YamlMappingNode map, string key) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: { } value } => value,
        var other => throw Problem(path, Line(other), $"'{key}' must be a single value."),
    };

    private static double? Number(string path, YamlMappingNode map, string key)
    {
        var text = Text(path, map, key);
        if (text is null) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Problem(path, Line(Child(map, key)!), $"'{key}' must be a number (seconds or pixels), not '{text}'.");
    }

    private static (double, double)? Point(string path, YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node) return null;
        if (node is YamlSequenceNode { Children.Count: 2 } pair
            && pair.Children.All(c => c is YamlScalarNode { Value: { } v }
                && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var values = pair.Children.Select(c => double.Parse(((YamlScalarNode)c).Value!, CultureInfo.InvariantCulture)).ToArray();
            return (values[0], values[1]);
        }
        throw Problem(path, Line(node), $"'{key}' must be [x, y] in pixels of the {Width}×{Height} stage.");
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static RecipeFormatException Problem(string path, int line, string message) =>
        new(new RecipeProblem(path, Math.Max(1, line), message));
}
