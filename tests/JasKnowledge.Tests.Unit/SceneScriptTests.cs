using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Tests.Unit;

/// <summary>The rules of a film's scene script: what the render command and the import refuse, each
/// with the file and line to fix, and the shipped scripts passing them.</summary>
public sealed class SceneScriptTests
{
    private const string Path = "video/film.scenes.yml";

    private const string Valid = """
        poster: 1
        scenes:
          - start: 0
            end: 2
            show:
              - picture: huis
                motion: appear
          - start: 2
            end: 4
            show:
              - picture: brief
                at: [300, 360]
                height: 200
                motion: move
                from: [-100, 360]
              - kalender-24
        """;

    private static IReadOnlyList<WebVttCue> Cues(params (double Start, double End)[] times) =>
        times.Select(t => new WebVttCue(null, TimeSpan.FromSeconds(t.Start), TimeSpan.FromSeconds(t.End), "tekst")).ToList();

    private static RecipeProblem Refused(string text) =>
        Assert.Throws<RecipeFormatException>(() => SceneScript.Parse(Path, text)).Problem;

    [Fact]
    public void A_valid_script_gives_its_scenes_pictures_and_duration()
    {
        var script = SceneScript.Parse(Path, Valid);
        Assert.Equal(2, script.Scenes.Count);
        Assert.Equal(4, script.Duration);
        Assert.Equal(Motion.Move, script.Scenes[1].Pictures[0].Motion);
        Assert.Equal((-100.0, 360.0), script.Scenes[1].Pictures[0].From);
        Assert.Equal("kalender-24", script.Scenes[1].Pictures[1].Illustration);
        Assert.Same(script.Scenes[1], script.At(2.5));
        Assert.Null(script.At(4));
        Assert.Empty(script.Check(_ => true, [("film.nl.vtt", Cues((0.2, 1.9), (2.1, 3.9)))]));
    }

    [Fact]
    public void Overlapping_scenes_are_refused_at_the_line_of_the_later_scene()
    {
        var problem = Refused(Valid.Replace("  - start: 2\n", "  - start: 1.5\n"));
        Assert.Equal(Path, problem.Path);
        Assert.Equal(8, problem.Line);
        Assert.Contains("overlap", problem.Message);
    }

    [Fact]
    public void A_missing_illustration_is_named_with_its_line()
    {
        var script = SceneScript.Parse(Path, Valid);
        var problem = Assert.Single(script.Check(name => name != "brief", []));
        Assert.Equal(11, problem.Line);
        Assert.Contains("illustraties/brief.svg", problem.Message);
    }

    [Fact]
    public void A_cue_no_scene_covers_is_refused_with_the_subtitle_file()
    {
        var script = SceneScript.Parse(Path, Valid);
        var problem = Assert.Single(script.Check(_ => true, [("film.ar.vtt", Cues((0.2, 1.9), (3.5, 4.5)))]));
        Assert.Contains("film.ar.vtt", problem.Message);
        Assert.Equal(8, problem.Line);
        // A gap between scenes breaks the cover as well.
        var gap = SceneScript.Parse(Path, Valid.Replace("  - start: 2\n", "  - start: 2.5\n"));
        Assert.Single(gap.Check(_ => true, [("film.nl.vtt", Cues((1.5, 3)))]));
    }

    [Theory]
    [InlineData("motion: appear", "motion: fly", 6, "'motion'")]
    [InlineData("end: 2\n", "end: 0\n", 3, "ends after it starts")]
    [InlineData("picture: huis", "picture: Huis.svg", 6, "lower-case")]
    [InlineData("from: [-100, 360]", "from: links", 15, "'from'")]
    [InlineData("poster: 1", "poster: 9", 1, "outside every scene")]
    [InlineData("height: 200", "height: -5", 11, "'height'")]
    public void A_broken_entry_is_refused_with_its_line(string find, string replace, int line, string message)
    {
        var problem = Refused(Valid.Replace(find, replace));
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_its_line()
    {
        var problem = Refused("poster: 1\nscenes:\n  - start: [0\n");
        Assert.True(problem.Line >= 3, problem.ToString());
    }

    [Fact]
    public void The_shipped_scene_scripts_pass_the_import_check_and_last_as_long_as_their_page_says()
    {
        var content = System.IO.Path.Combine(AppContext.BaseDirectory, "content");
        Assert.Empty(new SceneScriptCheck().Check(content));
        var scripts = Directory.GetFiles(System.IO.Path.Combine(content, "video"), "*" + SceneScript.Extension);
        Assert.Equal(6, scripts.Length);
        foreach (var file in scripts)
        {
            // Issue 22: each film 60-120 s; the Dutch page's `duration` is what the portal tells visitors.
            var duration = SceneScript.Parse(file, File.ReadAllText(file)).Duration;
            Assert.InRange(duration, 60.0, 120.0);
            var page = File.ReadAllText(file.Replace(SceneScript.Extension, ".nl.md"));
            var stated = System.Text.RegularExpressions.Regex.Match(page, @"(?m)^  duration: (\d+)\s*$");
            Assert.True(stated.Success, $"{file}: the Dutch page has no duration");
            Assert.Equal((double)int.Parse(stated.Groups[1].Value), duration);
        }
    }
}
