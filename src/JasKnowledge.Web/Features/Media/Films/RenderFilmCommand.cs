using System.Globalization;
using System.Security.Cryptography;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Web.Features.Media.Films;

/// <summary>
/// <c>render-film CONTENT-FOLDER SLUG RELEASE-NOTES</c>: draws <c>video/SLUG.scenes.yml</c>, encodes it
/// (<see cref="FilmEncoder"/>) and adds each file that changed as a new revision of its family in
/// <c>video/bestanden</c>, with the release notes; the next import publishes them. An unchanged script
/// gives the same bytes and adds nothing. A broken script is refused with its file and line.
/// </summary>
public sealed class RenderFilmCommand(TimeProvider clock) : IPortalCommand
{
    public const string FilesFolder = "bestanden";
    public string Name => "render-film";
    public string Usage => "CONTENT-FOLDER SLUG RELEASE-NOTES";
    public string Summary => "render video/SLUG.scenes.yml into the film's renditions and posters, as new file revisions";
    public int MinArguments => 3;
    public int MaxArguments => 3;

    public async Task<int> RunAsync(CommandContext context)
    {
        var (folder, slug, notes) = (context.Arguments[0], context.Arguments[1], context.Arguments[2].Trim());
        var video = Path.Combine(folder, "video");
        var file = Path.Combine(video, slug + SceneScript.Extension);
        if (!File.Exists(file))
        {
            await context.Error.WriteLineAsync($"There is no scene script {Path.Combine("video", slug + SceneScript.Extension)} in {folder}.");
            return 2;
        }
        if (notes.Length == 0)
        {
            await context.Error.WriteLineAsync("Say in RELEASE-NOTES what changed in the film; the downloads page shows it.");
            return 2;
        }
        var (script, problems) = SceneScriptCheck.Load(file, $"video/{slug}{SceneScript.Extension}");
        if (script is null)
        {
            foreach (var problem in problems) await context.Error.WriteLineAsync(problem.ToString());
            await context.Error.WriteLineAsync("Nothing was rendered.");
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "jas-film-" + Guid.NewGuid().ToString("N"));
        try
        {
            var frames = Path.Combine(work, "frames");
            var count = await new FilmFrames(Path.Combine(video, SceneScript.IllustrationsFolder))
                .WriteAsync(script, frames, context.CancellationToken);
            var poster = Math.Min(count - 1, (int)Math.Floor(script.Poster * FilmFrames.FramesPerSecond));
            var output = Path.Combine(work, "out");
            await FilmEncoder.EncodeAsync(frames, FilmFrames.FramesPerSecond, poster, output, context.CancellationToken);
            var added = await AddRevisionsAsync(video, slug, output, notes, context.CancellationToken);
            foreach (var line in added) await context.Output.WriteLineAsync(line);
            await context.Output.WriteLineAsync(added.Count == 0
                ? $"{slug}: the rendered files equal the latest revisions; nothing added."
                : $"{slug}: {count} frames, {script.Duration:0.##} s; {added.Count} new revisions. Import the content folder to publish them.");
            return 0;
        }
        catch (FilmRenderException e)
        {
            await context.Error.WriteLineAsync($"Nothing was rendered: {e.Message}");
            return 1;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private async Task<List<string>> AddRevisionsAsync(string video, string slug, string output, string notes, CancellationToken cancellationToken)
    {
        var target = Path.Combine(video, FilesFolder);
        Directory.CreateDirectory(target);
        var published = clock.GetUtcNow().UtcDateTime;
        published = published.AddTicks(-(published.Ticks % TimeSpan.TicksPerSecond));
        var title = await FilmTitleAsync(target, slug, cancellationToken);
        var added = new List<string>();
        foreach (var member in FilmMembers.All)
        {
            var familySlug = FilmMembers.Slug(slug, member);
            var manifestPath = Path.Combine(target, $"{familySlug}.{MediaFeature.FilesCulture}{AssetManifest.Extension}");
            var made = Path.Combine(output, member.File);
            var revisions = File.Exists(manifestPath)
                ? AssetManifest.Parse(manifestPath, await File.ReadAllTextAsync(manifestPath, cancellationToken)).Revisions
                : [];
            if (revisions.Count > 0 && Hash(Path.Combine(target, revisions[^1].File)) == Hash(made)) continue;
            var number = revisions.Count + 1;
            while (revisions.Any(r => r.Version == number.ToString(CultureInfo.InvariantCulture))) number++;
            var label = number.ToString(CultureInfo.InvariantCulture);
            var fileName = $"{familySlug}-{label}{member.Extension}";
            File.Copy(made, Path.Combine(target, fileName), overwrite: true);
            await AssetManifest.AppendAsync(manifestPath, $"{title} {member.TitleSuffix}",
                new AssetManifest.Revision(label, fileName, member.MediaType, published, notes, 0), cancellationToken);
            added.Add($"{fileName}: {new FileInfo(made).Length / 1024.0:0.#} KB");
        }
        return added;
    }

    /// <summary>"Film: title" as the film's first family names it, so every family of one film reads alike.</summary>
    private static async Task<string> FilmTitleAsync(string target, string slug, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(target, $"{FilmMembers.Slug(slug, FilmMembers.Large)}.{MediaFeature.FilesCulture}{AssetManifest.Extension}");
        if (!File.Exists(manifest)) return $"Film: {slug}";
        var title = AssetManifest.Parse(manifest, await File.ReadAllTextAsync(manifest, cancellationToken)).Title;
        var bracket = title.LastIndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 ? title[..bracket] : title;
    }

    private static string? Hash(string path) =>
        File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : null;
}
