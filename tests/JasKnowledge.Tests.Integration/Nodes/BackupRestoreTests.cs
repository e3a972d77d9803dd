using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Issue 8: `backup` writes the whole site (content with history, audit log, accounts, the files
/// with a manifest of hashes); `restore` into an empty PostgreSQL database and an empty blob container
/// gives the same site: every public page, every file and every account.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class BackupRestoreTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_and_container_gives_the_same_site()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await using var target = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        var targetSettings = ServerMode.Settings(target.ConnectionString, ServerMode.NewContainer());
        await BackUpAndRestoreAsync(
            source, ServerMode.Settings(source.ConnectionString, ServerMode.NewContainer()), target, targetSettings, async folder =>
        {
            // A second restore into the now filled database is refused, and changes nothing.
            var again = await PortalProcess.RunAsync(targetSettings, "restore", folder);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("restore into an empty database", again.Error);
        });
    }

    /// <summary>The way from the embedded default (SQLite, files in a folder) to server mode.</summary>
    [Fact]
    public async Task A_backup_of_the_embedded_default_restores_into_server_mode()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var target = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        var blobs = ContentFolders.NewEmpty();
        try
        {
            var embedded = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Jas"] = source.ConnectionString,
                ["Jas__Blobs__Folder"] = blobs,
                ["Jas__Beheer__LoginAttemptsPerMinute"] = "1000",
            };
            await BackUpAndRestoreAsync(
                source, embedded, target, ServerMode.Settings(target.ConnectionString, ServerMode.NewContainer()), _ => Task.CompletedTask);
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }

    private async Task BackUpAndRestoreAsync(
        TestDatabase source, Dictionary<string, string> sourceSettings, TestDatabase target, Dictionary<string, string> targetSettings, Func<string,
        Task> afterwards)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jas-backup-{Guid.NewGuid():N}");
        try
        {
            await using var original = await PortalProcess.StartAsync(sourceSettings, TimeSpan.FromMinutes(3));
            // Work done after the import: a new version, an uploaded file, an account, audit entries.
            using (var editor = await ServerMode.SignedInEditorAsync(sourceSettings, original))
            {
                await ServerMode.PublishAsync(
                    editor, source, "pages/over", "Over dit portaal", "Een alinea van na de import, die de terugzetting moet overleven.");
                await ServerMode.UploadAsync(editor, ServerMode.HandbookPdf, "8.8", ServerMode.RandomPdf(300_000));
            }

            var backup = await PortalProcess.RunAsync(sourceSettings, "backup", folder);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("keep it secret", backup.Output);
            var restore = await PortalProcess.RunAsync(targetSettings, "restore", folder);
            Assert.True(restore.ExitCode == 0, restore.Error);
            log.WriteLine(backup.Output + restore.Output);

            await using var restored = await PortalProcess.StartAsync(targetSettings, TimeSpan.FromMinutes(3));
            Assert.DoesNotContain("Content import of", restored.Log);
            await AssertSameSiteAsync(original, restored, sameEngine: source.Kind == target.Kind);

            // Every file revision, by its SHA-256.
            var revisions = await RevisionsAsync(source);
            Assert.Contains(revisions, r => r.Version == "8.8");
            using var after = new HttpClient { BaseAddress = restored.Address };
            foreach (var (culture, slug, version, sha256) in revisions)
            {
                var bytes = await after.GetByteArrayAsync($"/files/{culture}/{slug}/{version}");
                Assert.True(
                    Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256, $"{culture}/{slug} {version} has other bytes after the restore.");
            }

            // The history, the log and the accounts came along: the editor signs in with the same password.
            foreach (var table in new[] { "ContentVersions", "AuditLog", "AspNetUsers", "AspNetUserRoles", "AssetRevisions" })
            {
                var sql = $"""SELECT count(*) FROM "{table}" """;
                Assert.Equal(await source.CountAsync(sql), await target.CountAsync(sql));
            }
            var email = (string)(await target.ScalarAsync("""SELECT "Email" FROM "AspNetUsers" LIMIT 1"""))!;
            using var signIn = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = restored.Address };
            Assert.Equal("/beheer", (await BackOffice.SignInAsync(signIn, email)).Headers.Location?.OriginalString);

            await afterwards(folder);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every page of the sitemap, the APIs and the feed answer the same, byte for byte.</summary>
    /// <param name="sameEngine">False from SQLite to PostgreSQL: the two search engines rank differently,
    /// so there the search must find as many hits, not in the same order.</param>
    private static async Task AssertSameSiteAsync(PortalProcess original, PortalProcess restored, bool sameEngine)
    {
        using var before = new HttpClient { BaseAddress = original.Address };
        using var after = new HttpClient { BaseAddress = restored.Address };
        var sitemap = XDocument.Parse(await before.GetStringAsync("/sitemap.xml"));
        var pages = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).PathAndQuery)
            .Distinct().ToList();
        Assert.True(pages.Count > 100, $"The sitemap lists only {pages.Count} pages.");
        Assert.Contains("/nl/over", pages);
        string[] searches = ["/api/v1/search?q=gesprek", "/api/v1/search?q=werk&lang=en", "/ar/zoeken?q=%D8%B9%D9%85%D9%84"];
        foreach (var page in pages.Concat(
            ["/sitemap.xml", "/api/v1/downloads", "/api/v1/municipalities", "/feeds/editions.atom", .. sameEngine ? searches : []]))
        {
            var expected = await before.GetAsync(page);
            var actual = await after.GetAsync(page);
            Assert.True(expected.StatusCode == actual.StatusCode, $"{page}: {expected.StatusCode} before, {actual.StatusCode} after.");
            // Absolute links (alternates, the sitemap) name the node that answered; a page-feedback seal differs per rendering.
            var was = Sealless((await expected.Content.ReadAsStringAsync()).Replace(original.Address.GetLeftPart(UriPartial.Authority), "https://portaal"));
            var @is = Sealless((await actual.Content.ReadAsStringAsync()).Replace(restored.Address.GetLeftPart(UriPartial.Authority), "https://portaal"));
            Assert.True(was == @is, $"{page} differs after the restore: {FirstDifference(was, @is)}");
        }
        Assert.Contains("terugzetting moet overleven", await after.GetStringAsync("/nl/over"));
        // The keys came along: a page's seal made before the backup is good after the restore.
        var seal = System.Text.RegularExpressions.Regex.Match(await before.GetStringAsync("/nl/over"), "name=\"zegel\" value=\"([^\"]+)\"").Groups[1].Value;
        using var answer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = restored.Address };
        var answered = await answer.PostAsync("/nl/reactie", new FormUrlEncodedContent(
            [new("pagina", "/nl/over"), new("zegel", System.Net.WebUtility.HtmlDecode(seal)), new("antwoord", "ja")]));
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, answered.StatusCode);
        if (sameEngine) return;
        foreach (var search in searches.Where(s => s.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var total = (await before.GetFromJsonAsync<JsonElement>(search)).GetProperty("total").GetInt32();
            Assert.True(total > 0, $"{search} found nothing before the restore.");
            Assert.Equal(total, (await after.GetFromJsonAsync<JsonElement>(search)).GetProperty("total").GetInt32());
        }
    }

    private static string Sealless(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"zegel\" value=\"[^\"]*\"", "name=\"zegel\" value=\"…\"");

    private static string FirstDifference(string was, string @is)
    {
        var at = 0;
        while (at < Math.Min(was.Length, @is.Length) && was[at] == @is[at]) at++;
        string Around(string text) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 160));
        return $"before …{Around(was)}… after …{Around(@is)}…";
    }

    private static async Task<List<(string Culture, string Slug, string Version, string Sha256)>> RevisionsAsync(TestDatabase database)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT a."Culture", a."Slug", r."VersionLabel", r."Sha256" FROM "AssetRevisions" r """
            + """JOIN "Assets" a ON a."Id" = r."AssetId" """;
        await using var reader = await command.ExecuteReaderAsync();
        var revisions = new List<(string, string, string, string)>();
        while (await reader.ReadAsync()) revisions.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return revisions;
    }

    [Fact]
    public async Task Backup_and_restore_refuse_what_would_lose_or_mix_data_with_a_clear_message()
    {
        var folder = ContentFolders.NewEmpty();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "iets.txt"), "al iets");
            var full = await PortalProcess.RunAsync(new Dictionary<string, string>(), "backup", folder);
            Assert.Equal(1, full.ExitCode);
            Assert.Contains("is not empty", full.Error);

            var notABackup = await PortalProcess.RunAsync(new Dictionary<string, string>(), "restore", folder);
            Assert.Equal(1, notABackup.ExitCode);
            Assert.Contains("not a backup", notABackup.Error);

            var usage = await PortalProcess.RunAsync(new Dictionary<string, string>(), "backup");
            Assert.Equal(2, usage.ExitCode);
            Assert.Contains("Usage: backup FOLDER", usage.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
