using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Data.Content;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Data.Recipe;

/// <summary>
/// Imports the content folder (the "recipe"): Markdown items and asset manifests. Idempotent: an
/// unchanged file creates nothing, a changed file one new published version. Each file is its own
/// transaction, so a broken file is reported with its path and line and never half-imported, and the
/// rest of the folder still comes in.
/// </summary>
public sealed class RecipeImporter(
    JasDbContext db, ContentStore store, Assets.FileRevisionStore files, IEnumerable<CompanionFile> companionKinds, IBlobStore blobs,
    IEnumerable<IContentFolderCheck> checks, CultureCatalog cultures, TimeProvider clock, ILogger<RecipeImporter> logger)
{
    public const string Actor = "import";
    /// <summary>Notes for the people who edit the folder; not content.</summary>
    public const string ReadmeFile = "README.md";
    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    /// <param name="newItemsOnly">Leave items and files already in the database as they are, whatever the folder says: a
    /// first import that did not finish brings in the rest without undoing what editors changed since.</param>
    public async Task<RecipeReport> ImportAsync(string folder, CancellationToken cancellationToken = default, bool newItemsOnly = false)
    {
        var report = new RecipeReport();
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            report.Problems.Add(new RecipeProblem(folder, 0, "The content folder does not exist."));
            return report;
        }

        // Source-culture files first, so a translation can name the version it was made from.
        var markdown = Directory.EnumerateFiles(folder, "*" + ContentFile.Extension, SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), ReadmeFile, StringComparison.OrdinalIgnoreCase))
            .Select(f => Relative(folder, f))
            .OrderBy(p => p.EndsWith($".{cultures.Default.Code}{ContentFile.Extension}", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p, StringComparer.Ordinal);
        foreach (var path in markdown)
        {
            await GuardAsync(report, path, () => ImportContentFileAsync(folder, path, report, newItemsOnly, cancellationToken));
        }

        // A companion without its Markdown file would be silently ignored: say so instead.
        foreach (var extension in companionKinds.Select(k => k.Extension))
        {
            foreach (var orphan in Directory.EnumerateFiles(folder, "*" + extension, SearchOption.AllDirectories)
                         .Where(f => !File.Exists(f[..^extension.Length] + ContentFile.Extension)))
            {
                report.Problems.Add(new RecipeProblem(Relative(folder, orphan), 1,
                    $"There is no {Path.GetFileName(orphan[..^extension.Length] + ContentFile.Extension)} next to this file; "
                    + $"a {extension} file belongs to a content item."));
            }
        }

        // Scene scripts and the like: reported with file and line; the files they make are imported or not on their own.
        foreach (var check in checks) report.Problems.AddRange(check.Check(folder));

        var manifests = Directory.EnumerateFiles(folder, "*" + AssetManifest.Extension, SearchOption.AllDirectories)
            .Select(f => Relative(folder, f))
            .Order(StringComparer.Ordinal);
        foreach (var path in manifests)
        {
            await GuardAsync(report, path, () => ImportAssetManifestAsync(folder, path, report, newItemsOnly, cancellationToken));
        }

        foreach (var problem in report.Problems) logger.LogWarning("Content import: {Problem}", problem.ToString());
        logger.LogInformation("Content import of {Folder}: {Report}", folder, report.ToString());
        return report;
    }

    private async Task GuardAsync(RecipeReport report, string path, Func<Task> import)
    {
        try
        {
            await import();
        }
        catch (RecipeFormatException e)
        {
            report.Problems.Add(e.Problem);
        }
        catch (ContentRuleException e)
        {
            report.Problems.Add(new RecipeProblem(path, 1, e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unreachable blob store or a database hiccup fails this file only; its transaction
            // was not committed, so nothing of it is visible.
            logger.LogError(e, "Content import of {Path} failed", path);
            report.Problems.Add(new RecipeProblem(path, 1, $"Could not be imported: {e.Message}"));
            report.NotImported.Add(path);
        }
        finally
        {
            // Whatever a failed file left in the change tracker must not ride along with the next file.
            db.ChangeTracker.Clear();
        }
    }

    private async Task ImportContentFileAsync(
        string folder, string path, RecipeReport report, bool newItemsOnly, CancellationToken cancellationToken)
    {
        var companions = new List<(CompanionFile, string)>();
        foreach (var kind in companionKinds)
        {
            var companion = Path.Combine(folder, ContentFile.CompanionPath(path, kind.Extension));
            if (File.Exists(companion)) companions.Add((kind, await File.ReadAllTextAsync(companion, cancellationToken)));
        }
        var file = ContentFile.Parse(path, await File.ReadAllTextAsync(Path.Combine(folder, path), cancellationToken), companions);
        if (!cultures.Contains(file.Culture))
            throw new RecipeFormatException(
                new RecipeProblem(
                path, 1, $"'{file.Culture}' is not one of the configured languages ({string.Join(", ", cultures.All.Select(c => c.Code))})."));

        var slugOwner = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(
            i => i.Type == file.Type && i.Culture == file.Culture && i.Slug == file.Slug && i.LocalizationSet != file.LocalizationSet,
                cancellationToken);
        if (slugOwner is not null)
            throw new RecipeFormatException(
                new RecipeProblem(path, 1, $"The slug '{file.Slug}' is already used by {slugOwner.LocalizationSet} in {file.Culture}."));

        var text = await WithSourceVersionOfThisDatabaseAsync(file, cancellationToken);
        var item = await store.FindAsync(file.LocalizationSet, file.Culture, cancellationToken);
        if (item is null)
        {
            item = new ContentItem { Type = file.Type, Culture = file.Culture, LocalizationSet = file.LocalizationSet, Slug = file.Slug,
                CreatedUtc = clock.GetUtcNow().UtcDateTime };
            await store.PublishNewVersionAsync(item, text, Actor, cancellationToken);
            report.Created++;
            return;
        }
        if (newItemsOnly)
        {
            report.Unchanged++;
            return;
        }
        if (item.Type != file.Type)
            throw new RecipeFormatException(
                new RecipeProblem(path, 2, $"This item was imported as type '{item.Type}'; its type cannot change to '{file.Type}'."));
        var current = item.Published ?? item.Latest;
        // A translation whose text is unchanged stays as it is even when the folder numbers its source higher: this
        // database's number is the one that says whether the source moved on since (see below).
        var sameText = current is not null && (text.SameContentAs(current)
            || (text.SourceVersion > current.SourceVersion && (text with { SourceVersion = current.SourceVersion }).SameContentAs(current)));
        if (sameText && item.Slug == file.Slug)
        {
            report.Unchanged++;
            return;
        }
        if (item.Draft is { } draft)
            throw new ContentRuleException($"An editor's draft (version {draft.Number}) is open for this item; "
                + "publish or discard it before importing a changed file, so that no work is lost.");
        item.Slug = file.Slug;
        await store.PublishNewVersionAsync(item, text, Actor, cancellationToken);
        report.Updated++;
    }

    /// <summary>A translation's <c>translatedFrom</c> counts the Dutch file's versions in the folder's history; a database
    /// filled later holds that text as an earlier number (a first import stores it as version 1). A number beyond the
    /// source's published version means "made from the source as it is here", so the first change of the source
    /// still marks the translation outdated (before, a translation "from version 4" stayed current until the Dutch
    /// text reached version 5, and an export for translators found no version to compare with).</summary>
    private async Task<VersionText> WithSourceVersionOfThisDatabaseAsync(ContentFile file, CancellationToken cancellationToken)
    {
        if (file.Text.SourceVersion is not { } from || file.Culture == cultures.Default.Code) return file.Text;
        var source = await store.FindAsync(file.LocalizationSet, cultures.Default.Code, cancellationToken);
        return source?.Published is { } published && from > published.Number ? file.Text with { SourceVersion = published.Number } : file.Text;
    }

    private async Task ImportAssetManifestAsync(
        string folder, string path, RecipeReport report, bool newItemsOnly, CancellationToken cancellationToken)
    {
        var manifest = AssetManifest.Parse(path, await File.ReadAllTextAsync(Path.Combine(folder, path), cancellationToken));
        if (!cultures.Contains(manifest.Culture))
            throw new RecipeFormatException(new RecipeProblem(path, 1, $"'{manifest.Culture}' is not one of the configured languages."));
        var directory = Path.GetDirectoryName(Path.Combine(folder, path))!;
        foreach (var revision in manifest.Revisions)
        {
            if (!File.Exists(Path.Combine(directory, revision.File)))
                throw new RecipeFormatException(new RecipeProblem(path, revision.Line, $"The file '{revision.File}' is not next to the manifest."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var found = await files.FindAsync(manifest.Culture, manifest.Slug, cancellationToken);
        if (found is not null && newItemsOnly)
        {
            report.Unchanged++;
            return;
        }
        var asset = found
            ?? new Asset { Slug = manifest.Slug, Culture = manifest.Culture, Title = manifest.Title, CreatedUtc = now };
        asset.Title = manifest.Title;

        var added = new List<AssetRevision>();
        foreach (var entry in manifest.Revisions.OrderBy(r => r.PublishedUtc))
        {
            var existing = asset.Revisions.FirstOrDefault(r => string.Equals(r.VersionLabel, entry.Version, StringComparison.OrdinalIgnoreCase));
            var mediaType = entry.MediaType ?? (MediaTypes.TryGetContentType(entry.File, out var guessed) ? guessed : "application/octet-stream");
            await using var stream = File.OpenRead(Path.Combine(directory, entry.File));
            // Blobs are stored before the transaction: a failed commit leaves only an unreferenced,
            // content-addressed blob that nothing links to.
            var stored = await StoredFile.StoreAsync(blobs, stream, mediaType, cancellationToken);
            if (existing is not null)
            {
                if (existing.Sha256 != stored.Sha256)
                    throw new RecipeFormatException(new RecipeProblem(path, entry.Line,
                        $"Version {entry.Version} was imported before with other bytes; "
                        + "a published file never changes, so give the new file a new version label."));
                continue;
            }
            added.Add(asset.AddRevision(stored, entry.Version, entry.File, entry.ReleaseNotes, entry.PublishedUtc, entry.Source));
        }

        if (added.Count == 0 && db.Entry(asset).State == EntityState.Unchanged)
        {
            report.Unchanged++;
            return;
        }
        await files.SaveAsync(asset, added, Actor, cancellationToken);
        report.RevisionsAdded += added.Count;
    }

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');
}
