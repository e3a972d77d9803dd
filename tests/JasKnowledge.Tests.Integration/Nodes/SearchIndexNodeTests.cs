using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>
/// Issue 18, point 7: each node's Lucene index follows the search outbox in PostgreSQL. A node started
/// after 200 publications elsewhere catches up before it says it is ready; a node killed (SIGKILL)
/// again and again while it indexes ends with exactly the published set; a damaged index folder is
/// made again from the outbox at the next start. "Elsewhere" is a portal host in this process on the
/// same database, which publishes through the ContentStore as the back office does.
/// </summary>
[Collection(PortalProcessCollection.Name)]
public sealed class SearchIndexNodeTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PortalFactory _publisher = null!;
    private Dictionary<string, string> _settings = null!;
    private readonly string _nodeData = Path.Combine(Path.GetTempPath(), $"jas-test-node-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        _settings = ServerMode.Settings(_database.ConnectionString, ServerMode.NewContainer());
        _publisher = new PortalFactory(_database);
        _publisher.CreateClient().Dispose(); // migrations, the first import, its own index
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_nodeData)) Directory.Delete(_nodeData, recursive: true);
    }

    [Fact]
    public async Task A_node_started_after_200_publications_elsewhere_catches_up_and_then_is_ready()
    {
        var word = "kaartspel" + Guid.NewGuid().ToString("N")[..6];
        await PublishAsync(word, 200);

        await using var node = PortalProcess.Launch(_settings);
        await node.WaitUntilLiveAsync(TimeSpan.FromMinutes(3));
        using var client = new HttpClient { BaseAddress = node.Address };
        var health = await ReadyAsync(client, TimeSpan.FromSeconds(60), node);
        var search = health.GetProperty("checks").GetProperty("search").GetProperty("data");
        var latest = await LatestSequenceAsync();
        // Each failure says what the node answered and logged: a red run on a loaded machine is read, not rerun.
        Assert.True(search.GetProperty("lagSequences").GetInt64() == 0 && search.GetProperty("appliedSequence").GetInt64() == latest,
            $"Ready, but not at the outbox's latest sequence {latest}: {health}\n{node.Log}");
        // Ready means caught up: every one of the 200 is found at once.
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");
        Assert.True(found.GetProperty("total").GetInt32() == 200, $"Found {found.GetProperty("total")} of 200: {health}\n{node.Log}");
        Assert.Contains("The search index is up to date at outbox sequence", node.Log);
        // Catching up at start is "not ready yet" (a warning), not an error line at every start of a node.
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", node.Log);
    }

    [Fact]
    public async Task A_node_killed_while_indexing_ends_with_exactly_the_published_set_and_a_damaged_index_is_made_again()
    {
        var word = "dominosteen" + Guid.NewGuid().ToString("N")[..6];
        var node = PortalProcess.Launch(_settings, _nodeData);
        try
        {
            await node.WaitUntilLiveAsync(TimeSpan.FromMinutes(3));
            // Publications (and withdrawals) go on elsewhere while this node is killed three times:
            // right after it answers, while it builds its index from the outbox, and later while it
            // applies what the others publish.
            var publishing = PublishAsync(word, 150, withdrawEvery: 5);
            var random = new Random(18);
            for (var kill = 0; kill < 3; kill++)
            {
                await Task.Delay(random.Next(0, 400) + kill * 1500);
                await node.KillAsync();
                await node.DisposeAsync();
                node = PortalProcess.Launch(_settings, _nodeData);
                await node.WaitUntilLiveAsync(TimeSpan.FromMinutes(3));
            }
            await publishing;
            using (var client = new HttpClient { BaseAddress = node.Address })
            {
                await ReadyAsync(client, TimeSpan.FromSeconds(60), node);
                await CaughtUpAsync(client, TimeSpan.FromSeconds(30));
            }
            Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await node.DisposeAsync();
        }

        // The index on the node's disk holds exactly the sources the outbox says are searchable.
        var indexFolder = Path.Combine(_nodeData, "search-index");
        using (var index = LuceneSearchIndex.OpenFolder(indexFolder, NullLogger.Instance))
        {
            Assert.Equal(await LatestSequenceAsync(), index.AppliedSequence);
            Assert.Equal((await SearchableSourcesAsync()).Order(), index.Sources().Order());
        }

        // Damage the largest file of the index; the next start makes it again from the outbox.
        var largest = Directory.GetFiles(indexFolder).OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = await File.ReadAllBytesAsync(largest);
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 4, bytes.Length / 2);
        await File.WriteAllBytesAsync(largest, bytes);
        await using var restarted = PortalProcess.Launch(_settings, _nodeData);
        await restarted.WaitUntilLiveAsync(TimeSpan.FromMinutes(3));
        using var again = new HttpClient { BaseAddress = restarted.Address };
        await ReadyAsync(again, TimeSpan.FromSeconds(60), restarted);
        Assert.Contains("making it again from the search outbox", restarted.Log);
        var found = await again.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");
        Assert.Equal(150 - 150 / 5, found.GetProperty("total").GetInt32());
    }

    /// <summary>Publishes pages with the word elsewhere (the in-process host); every n-th is withdrawn again.</summary>
    private async Task PublishAsync(string word, int count, int withdrawEvery = 0)
    {
        using var scope = _publisher.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        for (var i = 1; i <= count; i++)
        {
            var item = new ContentItem { Type = "page", Culture = "nl", LocalizationSet = $"pages/{word}-{i}", Slug = $"{word}-{i}" };
            await store.PublishNewVersionAsync(item, new VersionText($"Proef {i}", $"Een {word} met het nummer {i}."), "test");
            if (withdrawEvery > 0 && i % withdrawEvery == 0) await store.UnpublishAsync(item, "test");
        }
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client, TimeSpan timeout, PortalProcess node)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK) return JsonDocument.Parse(body).RootElement.Clone();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}\n{node.Log}");
            Assert.True(clock.Elapsed < timeout, $"Not ready after {timeout}: {body}\n{node.Log}");
            await Task.Delay(200);
        }
    }

    private async Task CaughtUpAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var latest = await LatestSequenceAsync();
        while (true)
        {
            var body = await client.GetFromJsonAsync<JsonElement>("/health/ready");
            var applied = body.GetProperty("checks").GetProperty("search").GetProperty("data").GetProperty("appliedSequence").GetInt64();
            if (applied == latest) return;
            Assert.True(clock.Elapsed < timeout, $"Applied {applied} of {latest} after {timeout}.");
            await Task.Delay(200);
        }
    }

    private async Task<long> LatestSequenceAsync() =>
        Convert.ToInt64(await _database.ScalarAsync("""SELECT max("Sequence") FROM "SearchOutbox" """));

    private async Task<List<Guid>> SearchableSourcesAsync()
    {
        await using var connection = _database.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Source" FROM "SearchOutbox" WHERE "Type" IS NOT NULL""";
        await using var reader = await command.ExecuteReaderAsync();
        var sources = new List<Guid>();
        while (await reader.ReadAsync()) sources.Add(reader.GetGuid(0));
        return sources;
    }
}
