using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>
/// Issue 8: two portal processes on two loopback ports, one PostgreSQL database and one blob container.
/// Both start at the same moment on an empty database; what one node publishes, the other serves.
/// </summary>
[Collection(PortalProcessCollection.Name)]
public sealed class TwoNodeTests : IAsyncLifetime
{
    /// <summary>How long another node may show the old version (the bound).</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private TestDatabase _database = null!;
    private Dictionary<string, string> _settings = null!;
    private PortalProcess _a = null!;
    private PortalProcess _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        _settings = ServerMode.Settings(_database.ConnectionString, ServerMode.NewContainer());
        // At the same moment: the start-up lock lets one migrate and import while the other waits.
        _a = PortalProcess.Launch(_settings);
        _b = PortalProcess.Launch(_settings);
        await Task.WhenAll(_a.WaitUntilLiveAsync(TimeSpan.FromMinutes(3)), _b.WaitUntilLiveAsync(TimeSpan.FromMinutes(3)));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_started_together_import_once_and_share_pages_search_files_and_sign_in()
    {
        await ServerMode.AssertImportedOnceAsync(_database, _a, _b);
        Assert.Equal(1, await _database.CountAsync("""SELECT count(*) FROM "StartupSteps" """));

        // A sign-in made on node A is accepted by node B.
        using var editor = await ServerMode.SignedInEditorAsync(_settings, _a);
        var onB = await editor.GetAsync(new Uri(_b.Address, "/beheer"));
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("Uitloggen", await onB.Content.ReadAsStringAsync());

        // Node B has the page in its output cache before node A publishes a new version.
        using var visitor = new HttpClient { BaseAddress = _b.Address };
        var before = await visitor.GetStringAsync("/nl/over");
        Assert.Equal(before, await visitor.GetStringAsync("/nl/over"));
        var word = "luchtschipvaart" + Guid.NewGuid().ToString("N")[..6];
        await ServerMode.PublishAsync(editor, _database, "pages/over", "Over dit portaal", $"Een nieuwe alinea over de {word}.");
        var clock = Stopwatch.StartNew();

        await WithinWindowAsync(clock, async () => (await visitor.GetStringAsync("/nl/over")).Contains(word), "the page on node B");
        await WithinWindowAsync(
            clock, async () => (await visitor.GetStringAsync($"/nl/zoeken?q={word}")).Contains("/nl/over"), "the search result on node B");
        // After the window the old version is gone from node B's cache for good.
        for (var i = 0; i < 3; i++) Assert.Contains(word, await visitor.GetStringAsync("/nl/over"));

        // A file uploaded through node A downloads from node B with the same SHA-256.
        var bytes = ServerMode.RandomPdf(400_000);
        var downloadsPage = await visitor.GetStringAsync("/nl/downloads");
        Assert.DoesNotContain("3.1415", downloadsPage);
        await ServerMode.UploadAsync(editor, ServerMode.HandbookPdf, "3.1415", bytes);
        clock.Restart();
        var file = await visitor.GetByteArrayAsync("/files/nl/het-gesprek-handboek-pdf/3.1415");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(file)));
        var latest = (await visitor.GetFromJsonAsync<JsonElement>("/api/v1/downloads")).EnumerateArray()
            .Single(d => d.GetProperty("slug").GetString() == "het-gesprek-handboek-pdf").GetProperty("latest");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), latest.GetProperty("sha256").GetString());
        await WithinWindowAsync(
            clock, async () => (await visitor.GetStringAsync("/nl/downloads")).Contains("3.1415"), "the downloads page on node B");
    }

    /// <summary>Asks until the answer is right; fails when that took longer than the window after the change.</summary>
    private static async Task WithinWindowAsync(Stopwatch sinceChange, Func<Task<bool>> served, string what)
    {
        while (!await served())
        {
            Assert.True(
                sinceChange.Elapsed < Window, $"{what} still showed the old version {sinceChange.Elapsed.TotalSeconds:0.0} s after the change.");
            await Task.Delay(100);
        }
    }
}
