using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using JasKnowledge.Tests.Integration.Infrastructure;
using Npgsql;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Issue 8: `backup` writes the whole site (content with history, audit log, accounts, the files
/// with a manifest of hashes); `restore` into an empty PostgreSQL database and an empty blob container
/// gives the same site: every public page, every file and every account.</summary>
public sealed class BackupRestoreTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_and_container_gives_the_same_site()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await using var target = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        var sourceSettings = ServerMode.Settings(source.ConnectionString, ServerMode.NewContainer());
        var targetSettings = ServerMode.Settings(target.ConnectionString, ServerMode.NewContainer());
        var folder = Path.Combine(Path.GetTempPath(), $"jas-backup-{Guid.NewGuid():N}");
        try
        {
            await using var original = await PortalProcess.StartAsync(sourceSettings, TimeSpan.FromMinutes(3));
            // Work done after the import: a new version, an uploaded file, an account, audit entries.
            using (var editor = await ServerMode.SignedInEditorAsync(sourceSettings, original))
            {
                await ServerMode.PublishAsync(editor, source.ConnectionString, "pages/over", "Over dit portaal", "Een alinea van na de import, die de terugzetting moet overleven.");
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
            using var before = new HttpClient { BaseAddress = original.Address };
            using var after = new HttpClient { BaseAddress = restored.Address };

            // Every public page, byte for byte.
            var sitemap = XDocument.Parse(await before.GetStringAsync("/sitemap.xml"));
            var pages = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).PathAndQuery).Distinct().ToList();
            Assert.True(pages.Count > 100, $"The sitemap lists only {pages.Count} pages.");
            Assert.Contains("/nl/over", pages);
            foreach (var page in pages.Concat(["/sitemap.xml", "/api/v1/downloads", "/api/v1/municipalities", "/nl/zoeken?q=gesprek", "/feeds/editions.atom"]))
            {
                var expected = await before.GetAsync(page);
                var actual = await after.GetAsync(page);
                Assert.True(expected.StatusCode == actual.StatusCode, $"{page}: {expected.StatusCode} before, {actual.StatusCode} after.");
                // Absolute links (alternates, the sitemap) name the node that answered.
                var was = (await expected.Content.ReadAsStringAsync()).Replace(original.Address.GetLeftPart(UriPartial.Authority), "https://portaal");
                var @is = (await actual.Content.ReadAsStringAsync()).Replace(restored.Address.GetLeftPart(UriPartial.Authority), "https://portaal");
                Assert.True(was == @is, $"{page} differs after the restore: {FirstDifference(was, @is)}");
            }
            Assert.Contains("terugzetting moet overleven", await after.GetStringAsync("/nl/over"));

            // Every file revision, by its SHA-256.
            var revisions = await RevisionsAsync(source.ConnectionString);
            Assert.Contains(revisions, r => r.Version == "8.8");
            foreach (var (culture, slug, version, sha256) in revisions)
            {
                var bytes = await after.GetByteArrayAsync($"/files/{culture}/{slug}/{version}");
                Assert.True(Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256, $"{culture}/{slug} {version} has other bytes after the restore.");
            }

            // The history, the log and the accounts came along: the editor signs in with the same password.
            foreach (var table in new[] { "ContentVersions", "AuditLog", "AspNetUsers", "AspNetUserRoles", "AssetRevisions" })
            {
                var sql = $"""SELECT count(*) FROM "{table}" """;
                Assert.Equal(await ServerMode.CountAsync(source.ConnectionString, sql), await ServerMode.CountAsync(target.ConnectionString, sql));
            }
            var email = (await FirstEditorAsync(target.ConnectionString))!;
            using var signIn = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = restored.Address };
            Assert.Equal("/beheer", (await BackOffice.SignInAsync(signIn, email)).Headers.Location?.OriginalString);

            // A second restore into the now filled database is refused, and changes nothing.
            var again = await PortalProcess.RunAsync(targetSettings, "restore", folder);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("restore into an empty database", again.Error);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
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

    private static string FirstDifference(string was, string @is)
    {
        var at = 0;
        while (at < Math.Min(was.Length, @is.Length) && was[at] == @is[at]) at++;
        string Around(string text) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 160));
        return $"before …{Around(was)}… after …{Around(@is)}…";
    }

    private static async Task<List<(string Culture, string Slug, string Version, string Sha256)>> RevisionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT a."Culture", a."Slug", r."VersionLabel", r."Sha256" FROM "AssetRevisions" r JOIN "Assets" a ON a."Id" = r."AssetId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var revisions = new List<(string, string, string, string)>();
        while (await reader.ReadAsync()) revisions.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return revisions;
    }

    private static async Task<string?> FirstEditorAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Email" FROM "AspNetUsers" LIMIT 1""", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
