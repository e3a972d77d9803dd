using System.Globalization;
using System.Security.Cryptography;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Media;

/// <summary>
/// render-film as an editor runs it, through the portal's executable with Debian's rsvg-convert and
/// ffmpeg: a three-second script becomes a 720p and a 360p film of three seconds whose frames change
/// where the script changes the picture and stay put where it does not; an unchanged script renders to
/// the same bytes and adds no revision; a broken script is refused with its file and line.
/// </summary>
public sealed class RenderFilmCommandTests
{
    private const string Script = """
        poster: 2
        scenes:
          - start: 0
            end: 1.5
            show:
              - picture: huis
                at: [640, 380]
                height: 400
          - start: 1.5
            end: 3
            show:
              - picture: brief
                at: [640, 380]
                height: 300
                motion: appear
                delay: 0.2
                for: 0.5
        """;

    private const string Subtitles = "WEBVTT\n\n1\n00:00:00.200 --> 00:00:01.400\nEen huis.\n\n2\n00:00:01.600 --> 00:00:02.900\nEen brief.\n";

    private static string NewContentFolder(string script)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jas-film-test-" + Guid.NewGuid().ToString("N"));
        var video = Path.Combine(folder, "video");
        Directory.CreateDirectory(Path.Combine(video, "illustraties"));
        var shipped = Path.Combine(AppContext.BaseDirectory, "content", "video", "illustraties");
        foreach (var name in new[] { "huis", "brief" })
            File.Copy(Path.Combine(shipped, name + ".svg"), Path.Combine(video, "illustraties", name + ".svg"));
        File.WriteAllText(Path.Combine(video, "proef.scenes.yml"), script);
        File.WriteAllText(Path.Combine(video, "proef.nl.vtt"), Subtitles);
        File.WriteAllText(Path.Combine(video, "proef.nl.md"),
            "---\ntype: video\ntitle: Proef\nfields:\n  order: 9\n  duration: 3\n---\nEen proef.\n");
        return folder;
    }

    private static async Task<(string Width, string Height, double Seconds)> ProbeAsync(string file)
    {
        var text = await CommandLineTool.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=width,height:format=duration", "-of", "default=noprint_wrappers=1:nokey=0", file);
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return (values["width"], values["height"], double.Parse(values["duration"], CultureInfo.InvariantCulture));
    }

    /// <summary>One decoded frame at a time, as raw grey pixels at 160×90 (enough to see what it shows).</summary>
    private static async Task<byte[]> FrameAsync(string film, double seconds)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"jas-frame-{Guid.NewGuid():N}.gray");
        await CommandLineTool.RunAsync("ffmpeg", "-v", "error", "-y", "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", film,
            "-frames:v", "1", "-vf", "scale=160:90", "-f", "rawvideo", "-pix_fmt", "gray", raw);
        try
        {
            return await File.ReadAllBytesAsync(raw);
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static double Difference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    [Fact]
    public async Task A_short_script_renders_to_both_renditions_with_the_frames_the_script_describes()
    {
        var folder = NewContentFolder(Script);
        try
        {
            var (exitCode, output, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "render-film", folder, "proef", "Eerste versie.");
            Assert.True(exitCode == 0, output + error);
            var files = Path.Combine(folder, "video", "bestanden");
            var large = Path.Combine(files, "proef-video-1.mp4");
            var small = Path.Combine(files, "proef-video-360p-1.mp4");

            var (width, height, seconds) = await ProbeAsync(large);
            Assert.Equal(("1280", "720"), (width, height));
            Assert.InRange(seconds, 2.9, 3.1);
            var (smallWidth, smallHeight, smallSeconds) = await ProbeAsync(small);
            Assert.Equal(("640", "360"), (smallWidth, smallHeight));
            Assert.InRange(smallSeconds, 2.9, 3.1);

            // The house stands still through its scene; the letter replaces it when the script says so.
            var house = await FrameAsync(large, 0.3);
            var stillHouse = await FrameAsync(large, 1.3);
            var letter = await FrameAsync(large, 2.5);
            Assert.True(Difference(house, stillHouse) < 1, $"a still scene changed: {Difference(house, stillHouse):0.00}");
            Assert.True(Difference(house, letter) > 5, $"the picture did not change at 1.5 s: {Difference(house, letter):0.00}");
            // The letter fades in: half-way through its motion it differs from its final frame.
            Assert.True(Difference(await FrameAsync(large, 1.85), letter) > 1, "the letter did not appear gradually");

            foreach (var (manifest, media) in new[] { ("proef-video.nl.asset.yml", "video/mp4"), ("proef-video-360p.nl.asset.yml", "video/mp4"),
                         ("proef-poster.nl.asset.yml", "image/jpeg"), ("proef-poster-webp.nl.asset.yml", "image/webp"),
                         ("proef-thumbnail-webp.nl.asset.yml", "image/webp") })
            {
                var parsed = AssetManifest.Parse(manifest, await File.ReadAllTextAsync(Path.Combine(files, manifest)));
                var revision = Assert.Single(parsed.Revisions);
                Assert.Equal((media, "Eerste versie."), (revision.MediaType, revision.ReleaseNotes));
            }

            // Deterministic: the same script gives the same bytes, so a second run adds nothing.
            var before = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(large)));
            var again = await PortalProcess.RunAsync(new Dictionary<string, string>(), "render-film", folder, "proef", "Nog eens.");
            Assert.True(again.ExitCode == 0, again.Output + again.Error);
            Assert.Contains("nothing added", again.Output);
            Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(large))));
            Assert.Equal(5, Directory.GetFiles(files, "*.asset.yml").Length);
            Assert.Equal(5, Directory.GetFiles(files).Length - 5);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("picture: brief", "picture: fiets", "video/proef.scenes.yml:12:", "illustraties/fiets.svg")]
    [InlineData("  - start: 1.5\n", "  - start: 1.2\n", "video/proef.scenes.yml:9:", "overlap")]
    [InlineData("    end: 3\n", "    end: 2.5\n", "video/proef.scenes.yml:9:", "proef.nl.vtt")]
    public async Task A_broken_script_is_refused_at_render_and_at_import_with_file_and_line(string find, string replace, string where, string what)
    {
        var folder = NewContentFolder(Script.Replace(find, replace));
        try
        {
            var (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "render-film", folder, "proef", "Eerste versie.");
            Assert.Equal(1, exitCode);
            Assert.Contains(where, error);
            Assert.Contains(what, error);
            Assert.False(Directory.Exists(Path.Combine(folder, "video", "bestanden")), "a refused script rendered files");

            var import = await PortalProcess.RunAsync(new Dictionary<string, string>(), "import", folder);
            Assert.Equal(1, import.ExitCode);
            Assert.Contains(where, import.Error + import.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
