using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;

namespace JasKnowledge.Web.Features.Media.Films;

/// <summary>
/// Draws a scene script frame by frame: each frame is one SVG document on the 1280×720 stage, with the
/// scene's illustrations placed and moved as the script says, rasterised by rsvg-convert. Every number
/// is written with fixed decimals, so the same script gives the same SVG and the same pixels; a frame
/// that equals an earlier one (most frames of a low-motion film) is drawn once and linked.
/// </summary>
public sealed class FilmFrames(string illustrationsFolder)
{
    public const int FramesPerSecond = 15;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly Dictionary<string, Illustration> illustrations = new(StringComparer.Ordinal);

    private sealed record Illustration(double Width, double Height, string ViewBox, XElement Root, int Steps);

    public static int FrameCount(SceneScript script) => (int)Math.Round(script.Duration * FramesPerSecond, MidpointRounding.AwayFromZero);

    /// <summary>Writes frame00000.png… into <paramref name="folder"/>; returns the number of frames.</summary>
    public async Task<int> WriteAsync(SceneScript script, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var drawn = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = FrameCount(script);
        for (var n = 0; n < count; n++)
        {
            var svg = Compose(script, (n + 0.5) / FramesPerSecond);
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)));
            var target = Path.Combine(folder, FrameName(n));
            if (drawn.TryGetValue(key, out var earlier))
            {
                File.Copy(earlier, target);
                continue;
            }
            await RasteriseAsync(svg, target, SceneScript.Width, SceneScript.Height, cancellationToken);
            drawn[key] = target;
        }
        return count;
    }

    public static string FrameName(int n) => $"frame{n:D5}.png";

    /// <summary>The frame at <paramref name="seconds"/> as an SVG document.</summary>
    public string Compose(SceneScript script, double seconds)
    {
        var scene = script.At(seconds) ?? script.Scenes.Last(s => s.Start <= seconds);
        var local = seconds - scene.Start;
        var stage = new XElement(Svg + "svg",
            new XAttribute("width", SceneScript.Width), new XAttribute("height", SceneScript.Height),
            new XAttribute("viewBox", $"0 0 {SceneScript.Width} {SceneScript.Height}"),
            new XElement(Svg + "rect", new XAttribute("width", SceneScript.Width), new XAttribute("height", SceneScript.Height),
                new XAttribute("fill", scene.Background ?? script.Background)));
        foreach (var picture in scene.Pictures) stage.Add(Place(picture, local));
        return stage.ToString(SaveOptions.DisableFormatting);
    }

    private XElement Place(ScenePicture picture, double local)
    {
        var art = Load(picture.Illustration);
        var progress = Math.Clamp((local - picture.Delay) / picture.Seconds, 0, 1);
        var eased = 1 - Math.Pow(1 - progress, 3);
        var (x, y) = (picture.X, picture.Y);
        double opacity = 1, grow = 1;
        switch (picture.Motion)
        {
            case Motion.Appear:
                opacity = eased;
                y += (1 - eased) * 24;
                break;
            case Motion.Move:
                var (fromX, fromY) = picture.From!.Value;
                x = fromX + (x - fromX) * eased;
                y = fromY + (y - fromY) * eased;
                break;
            case Motion.Highlight:
                grow = 1 + 0.12 * Math.Sin(Math.PI * progress);
                break;
        }
        var height = picture.Height;
        var width = art.Width * height / art.Height;
        var inner = new XElement(art.Root);
        if (picture.Motion == Motion.Count)
        {
            // Part k fades in during the k-th share of the motion; parts still to come are hidden.
            var reached = progress * art.Steps;
            foreach (var part in inner.Descendants().Where(e => e.Attribute("data-step") is not null))
            {
                var step = int.TryParse(part.Attribute("data-step")!.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 1;
                part.SetAttributeValue("opacity", F(Math.Clamp(reached - (step - 1), 0, 1)));
            }
        }
        var placed = new XElement(Svg + "svg",
            new XAttribute("x", F(x - width / 2)), new XAttribute("y", F(y - height / 2)),
            new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("viewBox", art.ViewBox), inner.Nodes());
        return new XElement(Svg + "g",
            new XAttribute("opacity", F(opacity)),
            new XAttribute("transform", $"translate({F(x)} {F(y)}) scale({F(grow)}) translate({F(-x)} {F(-y)})"),
            placed);
    }

    private Illustration Load(string name)
    {
        if (illustrations.TryGetValue(name, out var known)) return known;
        var path = Path.Combine(illustrationsFolder, name + ".svg");
        var root = XElement.Load(path);
        var box = (root.Attribute("viewBox")?.Value ?? throw new FilmRenderException($"{path}: the illustration needs a viewBox."))
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (box.Length != 4 || box[2] <= 0 || box[3] <= 0) throw new FilmRenderException($"{path}: the viewBox must be 'x y width height'.");
        var steps = root.Descendants().Select(e => e.Attribute("data-step")?.Value)
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 0).DefaultIfEmpty(0).Max();
        var loaded = new Illustration(box[2], box[3], root.Attribute("viewBox")!.Value, root, Math.Max(steps, 1));
        illustrations[name] = loaded;
        return loaded;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static async Task RasteriseAsync(string svg, string png, int width, int height, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("rsvg-convert")
        {
            RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format", "png", "--width", width.ToString(CultureInfo.InvariantCulture),
                     "--height", height.ToString(CultureInfo.InvariantCulture), "--output", png })
            start.ArgumentList.Add(argument);
        using var process = Start(start);
        await process.StandardInput.WriteAsync(svg);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new FilmRenderException($"rsvg-convert failed: {error.Trim()}");
    }

    internal static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new FilmRenderException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FilmRenderException($"{start.FileName} is not installed ({e.Message}); on Debian: apt-get install ffmpeg librsvg2-bin.");
        }
    }
}

public sealed class FilmRenderException(string message) : Exception(message);
