using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Recipe;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Recipe;

/// <summary>Import and export of the content folder, on both databases.</summary>
public abstract class RecipeTests(DatabaseKind kind)
{
    private async Task<(PortalFactory Portal, TestDatabase Database)> StartAsync(string contentFolder)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var portal = new PortalFactory(database, contentFolder);
        portal.CreateClient().Dispose();
        return (portal, database);
    }

    private static async Task<RecipeReport> ImportAsync(PortalFactory portal, string folder, bool newItemsOnly = false)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeImporter>().ImportAsync(folder, newItemsOnly: newItemsOnly);
    }

    private static async Task<T> QueryAsync<T>(PortalFactory portal, Func<JasDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JasDbContext>());
    }

    [Fact]
    public async Task Reimporting_unchanged_content_creates_nothing_and_a_changed_file_creates_one_version()
    {
        var folder = ContentFolders.CopyOfShipped();
        var (portal, database) = await StartAsync(folder);
        await using (database)
        await using (portal)
        {
            var versionsBefore = await QueryAsync(portal, db => db.ContentVersions.CountAsync());
            var again = await ImportAsync(portal, folder);
            Assert.Empty(again.Problems);
            Assert.Equal(0, again.Created + again.Updated + again.RevisionsAdded);
            Assert.True(again.Unchanged > 0);
            Assert.Equal(versionsBefore, await QueryAsync(portal, db => db.ContentVersions.CountAsync()));

            var path = Path.Combine(folder, "pages", "over.nl.md");
            var text = await File.ReadAllTextAsync(path);
            // Whatever the shipped note says, the changed file says what changed now.
            text = System.Text.RegularExpressions.Regex.Replace(text, "^changeNote: .*$", "changeNote: Alinea over open data herschreven.",
                    System.Text.RegularExpressions.RegexOptions.Multiline)
                .Replace("Alles wat u op dit portaal ziet", "Alles wat u hier ziet");
            await File.WriteAllTextAsync(path, text);

            var changed = await ImportAsync(portal, folder);

            Assert.Equal(1, changed.Updated);
            var item = await QueryAsync(
                portal, db => db.ContentItems.Include(i => i.Versions).SingleAsync(i => i.LocalizationSet == "pages/over" && i.Culture == "nl"));
            Assert.Equal(2, item.Published!.Number);
            Assert.Equal("Alinea over open data herschreven.", item.Published.ChangeNote);
            Assert.Equal(VersionState.Superseded, item.Version(1).State);
            Assert.Contains("Alles wat u hier ziet", item.Published.Body);
        }
    }

    /// <summary>What a start does when its first import did not finish: the rest comes in, and what is already in stays as
    /// an editor may have changed it since.</summary>
    [Fact]
    public async Task Importing_only_what_is_new_adds_new_files_and_leaves_what_is_in_alone()
    {
        var folder = ContentFolders.CopyOfShipped();
        var (portal, database) = await StartAsync(folder);
        await using (database)
        await using (portal)
        {
            var path = Path.Combine(folder, "pages", "over.nl.md");
            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Alles wat u op dit portaal ziet", "Alles wat u hier ziet"));
            await File.WriteAllTextAsync(Path.Combine(folder, "pages", "nieuw.nl.md"),
                "---\ntype: page\ntitle: \"Nieuw\"\nchangeNote: Nieuwe pagina.\n---\n\nEen pagina die er nog niet was.\n");
            var manifest = Directory.EnumerateFiles(folder, "*.asset.yml", SearchOption.AllDirectories).First();
            await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("title: ", "title: Anders "));

            var report = await ImportAsync(portal, folder, newItemsOnly: true);

            Assert.Empty(report.Problems);
            Assert.Equal(1, report.Created);
            Assert.Equal(0, report.Updated + report.RevisionsAdded);
            var over = await QueryAsync(
                portal, db => db.ContentItems.Include(i => i.Versions).SingleAsync(i => i.LocalizationSet == "pages/over" && i.Culture == "nl"));
            Assert.Equal(1, over.Published!.Number);
            Assert.DoesNotContain("Alles wat u hier ziet", over.Published.Body);
            Assert.False(await QueryAsync(portal, db => db.Assets.AnyAsync(a => a.Title.StartsWith("Anders "))));
        }
    }

    [Fact]
    public async Task A_malformed_file_is_reported_with_path_and_line_and_the_rest_is_imported()
    {
        var folder = ContentFolders.CopyOfShipped();
        await File.WriteAllTextAsync(Path.Combine(folder, "pages", "kapot.nl.md"), "---\ntype: page\ntitle: Kapot\nmajor: misschien\n---\nTekst");
        await File.WriteAllTextAsync(Path.Combine(folder, "pages", "onbekend.xx.md"), "---\ntype: page\ntitle: Onbekende taal\n---\nTekst");
        var (portal, database) = await StartAsync(ContentFolders.NewEmpty());
        await using (database)
        await using (portal)
        {
            var report = await ImportAsync(portal, folder);

            Assert.Equal(2, report.Problems.Count);
            var broken = report.Problems.Single(p => p.Path == "pages/kapot.nl.md");
            Assert.Equal(4, broken.Line);
            Assert.Contains(
                report.Problems, p => p.Path == "pages/onbekend.xx.md" && p.Message.Contains("'xx' is not one of the configured languages"));
            Assert.True(report.Created >= 6);
            Assert.False(await QueryAsync(portal, db => db.ContentItems.AnyAsync(i => i.Slug == "kapot" || i.Culture == "xx")));
            Assert.True(await QueryAsync(portal, db => db.ContentItems.AnyAsync(i => i.LocalizationSet == "pages/home")));
        }
    }

    [Fact]
    public async Task A_subtitle_file_that_is_not_webvtt_is_refused_at_import_with_its_path_and_line()
    {
        var folder = ContentFolders.CopyOfShipped();
        var subtitles = Path.Combine(folder, "video", "je-klantmanager.ar.vtt");
        var lines = (await File.ReadAllLinesAsync(subtitles)).ToList();
        var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
        lines[timing] = lines[timing].Replace(" --> ", " -> ");
        await File.WriteAllLinesAsync(subtitles, lines);
        await File.WriteAllTextAsync(Path.Combine(folder, "video", "verdwaald.nl.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nZonder item.\n");
        var (portal, database) = await StartAsync(ContentFolders.NewEmpty());
        await using (database)
        await using (portal)
        {
            var report = await ImportAsync(portal, folder);

            Assert.Equal(2, report.Problems.Count);
            var broken = report.Problems.Single(p => p.Path == "video/je-klantmanager.ar.vtt");
            Assert.Equal(timing + 1, broken.Line);
            Assert.Contains("cue timing", broken.Message);
            Assert.Contains(report.Problems, p => p.Path == "video/verdwaald.nl.vtt" && p.Message.Contains("no verdwaald.nl.md"));
            Assert.False(
                await QueryAsync(portal, db => db.ContentItems.AnyAsync(i => i.LocalizationSet == "video/je-klantmanager" && i.Culture == "ar")));
            Assert.True(
                await QueryAsync(portal, db => db.ContentItems.AnyAsync(i => i.LocalizationSet == "video/je-klantmanager" && i.Culture == "ti")));
        }
    }

    [Fact]
    public async Task An_asset_revision_whose_bytes_changed_under_the_same_version_is_refused()
    {
        var folder = ContentFolders.CopyOfShipped();
        var (portal, database) = await StartAsync(folder);
        await using (database)
        await using (portal)
        {
            await File.AppendAllTextAsync(Path.Combine(folder, "data", "gemeenten-2023.csv"), "9999,GM9999,Verzonnen,99,PV99,Nergens\r\n");

            var report = await ImportAsync(portal, folder);

            var problem = Assert.Single(report.Problems);
            Assert.Equal("data/gemeentelijke-indeling-2023.nl.asset.yml", problem.Path);
            Assert.Equal(3, problem.Line);
            Assert.Contains("new version label", problem.Message);
            Assert.Equal(1, await QueryAsync(portal, db => db.AssetRevisions.CountAsync(r => r.FileName == "gemeenten-2023.csv")));
        }
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_site()
    {
        var (original, originalDatabase) = await StartAsync(ContentFolders.Shipped);
        var exported = ContentFolders.NewEmpty();
        await using (originalDatabase)
        await using (original)
        {
            using (var scope = original.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(exported);
            }
            var (copy, copyDatabase) = await StartAsync(exported);
            await using (copyDatabase)
            await using (copy)
            {
                Assert.Equal(await SiteAsync(original), await SiteAsync(copy));
                Assert.Equal(await FilesAsync(original), await FilesAsync(copy));
                Assert.NotEmpty(await FilesAsync(copy));

                var reimport = await ImportAsync(copy, exported);
                Assert.Equal(0, reimport.Created + reimport.Updated + reimport.RevisionsAdded);
                Assert.Empty(reimport.Problems);
            }
        }
    }

    private static Task<List<string>> SiteAsync(PortalFactory portal) => QueryAsync(portal, async db =>
        (await db.ContentItems.Include(i => i.Versions).ToListAsync())
            .Where(i => i.Published is not null)
            .Select(i => $"{i.Type}|{i.Culture}|{i.LocalizationSet}|{i.Slug}|{i.Published!.Title}|{i.Published.Summary}|"
                + $"{i.Published.Body}|{i.Published.Fields}|{i.Published.SourceVersion}")
            .Order(StringComparer.Ordinal)
            .ToList());

    private static Task<List<string>> FilesAsync(PortalFactory portal) => QueryAsync(portal, async db =>
        (await db.Assets.Include(a => a.Revisions).ToListAsync())
            .SelectMany(a => a.Revisions.Select(r => $"{a.Slug}|{a.Culture}|{a.Title}|{r.VersionLabel}|{r.Sha256}|{r.Size}|"
                + $"{r.MediaType}|{r.FileName}|{r.ReleaseNotes}|{r.PublishedUtc:O}"))
            .Order(StringComparer.Ordinal)
            .ToList());
}

public sealed class SqliteRecipeTests() : RecipeTests(DatabaseKind.Sqlite);
public sealed class PostgresRecipeTests() : RecipeTests(DatabaseKind.PostgreSql);
