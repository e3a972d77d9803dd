using System.Diagnostics;
using System.Net;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Issue 8: a node that loses its database says so on /health/ready within seconds, so the load
/// balancer stops sending it visitors, and becomes ready again by itself when the database is back.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_node_is_not_ready_while_its_database_is_down_and_recovers_by_itself()
    {
        await using var server = await PostgresServer.StartAsync();
        var settings = ServerMode.Settings(server.ConnectionString, ServerMode.NewContainer());
        await using var node = await PortalProcess.StartAsync(settings, TimeSpan.FromMinutes(3));
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(20) };
        // Ready once its search index has caught up with the outbox, shortly after start.
        var started = Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(started.Elapsed < TimeSpan.FromMinutes(2), "The node was not ready 2 minutes after it started.");
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nl/zoeken?q=gesprek")).StatusCode);

        await server.StopServerAsync();
        var clock = Stopwatch.StartNew();
        HttpResponseMessage ready;
        while ((ready = await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "The node still said it was ready 5 s after its database stopped.");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("The database does not answer", body);
        Assert.DoesNotContain("Npgsql", body); // the driver's name and message go to the log only
        // Alive all the same: the orchestrator must not restart a node for its database's outage.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // A page it cannot render is a proper error page, not a dropped connection (a query string keeps
        // it out of the output cache). Search needs no database: it answers from this node's index.
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/nl/over?werk")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nl/zoeken?q=werk")).StatusCode);
        // Asked ten times a second for two seconds more, the node said once in its log that its database does not answer
        // (the attack of 7 December 2026 counted an error line and a warning for every question).
        for (var i = 0; i < 20; i++) { await client.GetAsync("/health/ready"); await Task.Delay(100); }
        Assert.Single(Lines(node.Log, "The database does not answer: "));
        Assert.Empty(Lines(node.Log, "Health check database"));

        await server.StartServerAsync();
        clock.Restart();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The node was not ready 10 s after its database came back.");
            await Task.Delay(100);
        }
        // Ready means it serves again: pages that need the database, every time.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/nl/zoeken?q=taal{i}")).StatusCode);
        Assert.False(node.HasExited);
        Assert.Single(Lines(node.Log, "The database answers again."));
    }

    private static IEnumerable<string> Lines(string log, string text) =>
        log.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal));
}
