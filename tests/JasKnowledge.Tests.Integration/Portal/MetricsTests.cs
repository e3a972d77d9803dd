using System.Globalization;
using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>Operational telemetry: Prometheus scrapes /metrics from the allowed networks and finds the
/// portal's own meters beside ASP.NET Core's; everyone else gets 404; log lines carry the trace id.</summary>
[Collection(PortalProcessCollection.Name)]
public sealed class MetricsTests(SqlitePortal fixture) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task A_scrape_after_some_requests_finds_the_portals_meters_with_sane_values()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var blobs = ContentFolders.NewEmpty();
        try
        {
            await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string>
            {
                // Testing allows the sign-in cookie over plain HTTP.
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Jas"] = database.ConnectionString,
                ["Jas__Blobs__Folder"] = blobs,
                ["Jas__Metrics__AllowedNetworks"] = "127.0.0.0/8;::1",
            }, TimeSpan.FromMinutes(6));
            using var client = new HttpClient { BaseAddress = portal.Address };
            var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nl/zoeken?q=gesprek")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nl/zoeken?q=sessie")).StatusCode);
            var file = await client.GetByteArrayAsync("/files/nl/het-gesprek-handboek-pdf/latest");
            var signIn = await BackOffice.PasswordStepAsync(client, "niemand@example.org", "verkeerd-wachtwoord");
            using (var traced = new HttpRequestMessage(HttpMethod.Get, "/nl/over"))
            {
                traced.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(traced)).StatusCode);
            }
            var scrape = await client.GetAsync("/metrics");
            var text = await scrape.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, with its message
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.True(Sum(text, "jas_search_queries_total") >= 2, text);
            Assert.True(Sum(text, "jas_search_duration_seconds_count") >= 2, text);
            Assert.InRange(Sum(text, "jas_search_duration_seconds_sum"), 0.000_001, 60);
            Assert.True(Sum(text, "jas_downloads_total") >= 1, text);
            Assert.True(Sum(text, "jas_downloads_sent_bytes_total") >= file.Length, text);
            Assert.True(Sum(text, "jas_signin_failures_total") >= 1, text);
            Assert.True(Sum(text, "http_server_request_duration_seconds_count") >= 5, text);
            // The trace id of a request is in its log lines.
            Assert.Contains(
                portal.Log.Split('\n'), line => line.Contains(traceId, StringComparison.Ordinal)
                    && line.Contains("/nl/over", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(blobs, recursive: true);
        }
    }

    [Fact]
    public async Task A_publication_is_counted_with_its_action()
    {
        await using var host = fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jas:Metrics:AllowedNetworks", "10.0.0.0/8");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(IPAddress.Parse("10.1.2.3"))));
        });
        var client = host.CreateClient();
        var before = Sum(await client.GetStringAsync("/metrics"), "jas_publications_total");

        using (var scope = host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = new ContentItem { Type = "page", Culture = "nl", LocalizationSet = "pages/meter", Slug = "meter" };
            await store.PublishNewVersionAsync(item, new VersionText("Meter", "Een pagina om te tellen."), "test");
            await store.UnpublishAsync(item, "test");
        }
        // The exporter answers scrapes within 300 ms of each other from one cached response: ask again
        // until a fresh one comes (a few tries), as a scraper's next interval would.
        var text = await client.GetStringAsync("/metrics");
        for (var attempt = 0; attempt < 50 && Sum(text, "jas_publications_total") - before < 2; attempt++)
        {
            await Task.Delay(100);
            text = await client.GetStringAsync("/metrics");
        }

        Assert.True(Sum(text, "jas_publications_total") - before >= 2, text);
        Assert.Contains("jas_publications_total{otel_scope_name=\"JasKnowledge\",jas_action=\"content.publish\"}", text);
    }

    [Theory]
    [InlineData(null, "10.1.2.3", "GET /metrics", null, HttpStatusCode.NotFound)]               // off by default
    [InlineData("10.0.0.0/8", "10.1.2.3", "GET /metrics", null, HttpStatusCode.OK)]
    [InlineData("10.0.0.0/8;192.168.7.9", "192.168.7.9", "GET /metrics", null, HttpStatusCode.OK)]
    [InlineData("10.0.0.0/8", "192.0.2.7", "GET /metrics", null, HttpStatusCode.NotFound)]      // outside the list
    // Relayed by a proxy, named in any of the three headers proxies use.
    [InlineData("10.0.0.0/8", "10.1.2.3", "GET /metrics", "X-Forwarded-For: 203.0.113.5", HttpStatusCode.NotFound)]
    [InlineData("10.0.0.0/8", "10.1.2.3", "GET /metrics", "X-Original-For: 203.0.113.5", HttpStatusCode.NotFound)]
    [InlineData("10.0.0.0/8", "10.1.2.3", "GET /metrics", "Forwarded: for=203.0.113.5", HttpStatusCode.NotFound)]
    // One address and two methods, as every other page of the portal.
    [InlineData("10.0.0.0/8", "10.1.2.3", "GET /METRICS", null, HttpStatusCode.NotFound)]
    [InlineData("10.0.0.0/8", "10.1.2.3", "POST /metrics", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("10.0.0.0/8", "10.1.2.3", "DELETE /metrics", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("10.0.0.0/8", "192.0.2.7", "DELETE /metrics", null, HttpStatusCode.NotFound)]   // not even its methods
    public async Task Metrics_are_served_only_to_the_allowed_networks(string? allowed, string client, string request, string? header, HttpStatusCode expected)
    {
        await using var host = fixture.Factory.WithWebHostBuilder(builder =>
        {
            if (allowed is not null) builder.UseSetting("Jas:Metrics:AllowedNetworks", allowed);
            // The test server has no sockets: the client's address is set as Kestrel would set it.
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(IPAddress.Parse(client))));
        });
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (header is not null) message.Headers.Add(header.Split(": ")[0], header.Split(": ")[1]);

        var response = await host.CreateClient().SendAsync(message);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK) Assert.Contains("# TYPE", body);
        else Assert.DoesNotContain("# TYPE", body);
        if (expected == HttpStatusCode.MethodNotAllowed) Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        // Found by the attack of 6 December 2026: /metrics answered before the security headers were set.
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no Content-Security-Policy");
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        if (expected == HttpStatusCode.NotFound) Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_network_in_the_allow_list_stops_the_portal_with_one_line_naming_the_setting()
    {
        var (exitCode, _, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["Jas__Metrics__AllowedNetworks"] = "10.0.0.0/8;intern" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Jas:Metrics:AllowedNetworks has 'intern'", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_wrong_otlp_address_stops_the_portal_with_one_line_naming_the_setting()
    {
        var (exitCode, _, error) = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["Jas__Telemetry__OtlpEndpoint"] = "collector:4317" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Jas:Telemetry:OtlpEndpoint is 'collector:4317'", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Spans_are_recorded_only_when_an_otlp_collector_is_configured()
    {
        await using var withCollector = fixture.Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("Jas:Telemetry:OtlpEndpoint", "http://127.0.0.1:4317"));
        var recordedCount = 0;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            ActivityStopped = activity =>
            {
                if (activity.Recorded) Interlocked.Increment(ref recordedCount);
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        Assert.Equal(HttpStatusCode.OK, (await withCollector.CreateClient().GetAsync("/nl/over")).StatusCode);

        Assert.NotNull(withCollector.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(fixture.Factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        // The request's activity stops as the response completes, which may be just after the client has it.
        for (var wait = 0; wait < 50 && Volatile.Read(ref recordedCount) == 0; wait++) await Task.Delay(100);
        Assert.True(Volatile.Read(ref recordedCount) > 0, "No request span was recorded.");
    }

    /// <summary>The sum of a metric's samples over all label sets in Prometheus text format.</summary>
    private static double Sum(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Sum(parts => double.Parse(parts[1], CultureInfo.InvariantCulture));

    private sealed class ClientAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
