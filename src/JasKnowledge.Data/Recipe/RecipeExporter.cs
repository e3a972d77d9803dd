using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Recipe;

/// <summary>Writes the published site back in the import format: importing the result into an empty
/// database gives the same site. History is not exported; the published text and every file revision are.</summary>
public sealed class RecipeExporter(JasDbContext db, IBlobStore blobs, IEnumerable<CompanionFile> companionKinds)
{
    public const string AssetFolder = "downloads";

    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var written = 0;
        var items = await db.ContentItems.AsNoTracking().Include(i => i.Versions).OrderBy(i => i.LocalizationSet).ThenBy(i => i.Culture)
            .ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            if (item.Published is not { } published) continue;
            foreach (var (path, text) in ContentFile.Write(item, published, companionKinds))
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, text, cancellationToken);
                written++;
            }
        }

        var assets = await db.Assets.AsNoTracking().Include(a => a.Revisions).OrderBy(a => a.Slug).ThenBy(a => a.Culture)
            .ToListAsync(cancellationToken);
        foreach (var asset in assets)
        {
            var directory = Path.Combine(folder, AssetFolder);
            Directory.CreateDirectory(directory);
            var revisions = asset.NewestFirst().Reverse().ToList();
            foreach (var revision in revisions)
            {
                await using var content = await blobs.GetAsync(revision.BlobKey, cancellationToken: cancellationToken)
                    ?? throw new InvalidOperationException(
                        $"The file of {asset.Slug} {revision.VersionLabel} ({revision.BlobKey}) is missing from the blob store.");
                await using var file = File.Create(Path.Combine(directory, revision.FileName));
                await content.Stream.CopyToAsync(file, cancellationToken);
            }
            var manifest = AssetManifest.Write(asset.Title, revisions.Select(r =>
                new AssetManifest.Revision(r.VersionLabel, r.FileName, r.MediaType, r.PublishedUtc, r.ReleaseNotes, 0, r.Source)));
            await File.WriteAllTextAsync(
                Path.Combine(directory, $"{asset.Slug}.{asset.Culture}{AssetManifest.Extension}"), manifest, cancellationToken);
            written++;
        }
        return written;
    }
}
