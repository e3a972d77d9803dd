using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JasKnowledge.Core.Search;
using JasKnowledge.Data;
using JasKnowledge.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SearchBench;

// Usage: dotnet SearchBench.dll PORTAL_DLL CONTENT_FOLDER [documents=10000] [rounds=200]
// Fills a fresh SQLite database with synthetic documents, starts the portal on it (loopback), and
// times the same query mix through GET /api/v1/search and directly against the index, side by side.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: SearchBench PORTAL_DLL CONTENT_FOLDER [documents] [rounds]");
    return 2;
}
var portalDll = Path.GetFullPath(args[0]);
var contentFolder = Path.GetFullPath(args[1]);
var documents = args.Length > 2 ? int.Parse(args[2]) : 10_000;
var rounds = args.Length > 3 ? int.Parse(args[3]) : 200;
var dataDirectory = Directory.CreateTempSubdirectory("jas-search-bench-").FullName;

(string Name, string? Lang, string? Type, string Q)[] mix =
[
    ("common word", null, null, "de"),
    ("inflected", "nl", null, "gesprekken"),
    ("compound part", "nl", null, "verklaring"),
    ("two words", null, null, "klantmanager werk"),
    ("prefix", null, null, "inbur*"),
    ("phrase", "nl", null, "\"het gesprek\""),
    ("exclusion", null, null, "werk -stage"),
    ("type filter", null, "info-sheet", "zorgverzekering"),
    ("arabic", "ar", null, "العمل"),
    ("tigrinya", "ti", null, "ስራሕ"),
    ("ukrainian", "uk", null, "робота"),
    ("no hits", null, null, "zeppelinachtig"),
];

var options = new DbContextOptionsBuilder<JasDbContext>()
    .UseSqlite($"Data Source={Path.Combine(dataDirectory, "jas.db")}")
    .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
    .Options;
SearchableType[] searchable = [new("handbook-chapter"), new("info-sheet"), new("video"), new("page")];

Process? portal = null;
try
{
    var fill = Stopwatch.StartNew();
    await using (var db = new JasDbContext(options))
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await new SyntheticLibrary(contentFolder, seed: 5).FillAsync(db, documents, CancellationToken.None);
        Console.WriteLine($"Generated {documents} synthetic documents in {fill.Elapsed.TotalSeconds:F1} s.");
        fill.Restart();
        await new SearchIndexer(db, new SqliteSearchIndex(db), searchable).RebuildAsync();
    }
    Console.WriteLine($"Indexed them (SearchIndexer.RebuildAsync) in {fill.Elapsed.TotalSeconds:F1} s.");

    var port = FreePort();
    portal = Process.Start(new ProcessStartInfo("dotnet", [portalDll])
    {
        WorkingDirectory = Path.GetDirectoryName(portalDll)!,
        Environment =
        {
            ["Jas__DataDirectory"] = dataDirectory,
            ["Jas__ContentDirectory"] = contentFolder,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;
    portal.OutputDataReceived += (_, _) => { };
    portal.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
    portal.BeginOutputReadLine();
    portal.BeginErrorReadLine();
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    await WaitForAsync(http, portal);

    var endpoint = mix.ToDictionary(m => m.Name, _ => new List<double>());
    var index = mix.ToDictionary(m => m.Name, _ => new List<double>());
    var hits = new Dictionary<string, int>();
    for (var round = -20; round < rounds; round++) // 20 rounds of warm-up
    {
        foreach (var query in mix)
        {
            var url = $"/api/v1/search?q={Uri.EscapeDataString(query.Q)}" + (query.Lang is null ? "" : $"&lang={query.Lang}") + (query.Type is null ? "" : $"&type={query.Type}");
            var clock = Stopwatch.StartNew();
            using (var response = await http.GetAsync(url)) { response.EnsureSuccessStatusCode(); await response.Content.ReadAsByteArrayAsync(); }
            var viaEndpoint = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            // As a request does it: a fresh context, parse, search, snippets.
            await using (var db = new JasDbContext(options))
            {
                var result = await new SqliteSearchIndex(db).SearchAsync(new SearchRequest(SearchQuery.Parse(query.Q, query.Lang), query.Lang, query.Type));
                hits[query.Name] = result.Total;
            }
            var direct = clock.Elapsed.TotalMilliseconds;
            if (round < 0) continue;
            endpoint[query.Name].Add(viaEndpoint);
            index[query.Name].Add(direct);
        }
    }

    Console.WriteLine($"\n{rounds} rounds of {mix.Length} queries over {documents} documents, one at a time, loopback.\n");
    Console.WriteLine("| query | hits | endpoint p50 | endpoint p95 | index p50 | index p95 |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var query in mix)
        Console.WriteLine($"| {query.Name} (`{query.Q}`) | {hits[query.Name]} | {P(endpoint[query.Name], 50):F2} ms | {P(endpoint[query.Name], 95):F2} ms | {P(index[query.Name], 50):F2} ms | {P(index[query.Name], 95):F2} ms |");
    var allEndpoint = endpoint.Values.SelectMany(v => v).ToList();
    var allIndex = index.Values.SelectMany(v => v).ToList();
    Console.WriteLine($"| **all** | | **{P(allEndpoint, 50):F2} ms** | **{P(allEndpoint, 95):F2} ms** | **{P(allIndex, 50):F2} ms** | **{P(allIndex, 95):F2} ms** |");
    var ratio = P(allEndpoint, 95) / P(allIndex, 95);
    Console.WriteLine($"\nTargets: endpoint p95 < 20 ms: {(P(allEndpoint, 95) < 20 ? "met" : "MISSED")}; endpoint p95 ≤ 2 × index p95: {ratio:F2}× ({(ratio <= 2 ? "met" : "MISSED")}).");
    return 0;
}
finally
{
    if (portal is { HasExited: false }) { portal.Kill(entireProcessTree: true); await portal.WaitForExitAsync(); }
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Environment.GetEnvironmentVariable("JAS_BENCH_KEEP") == "1") Console.WriteLine($"Kept {dataDirectory}");
    else Directory.Delete(dataDirectory, recursive: true);
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitForAsync(HttpClient http, Process portal)
{
    for (var i = 0; i < 300; i++)
    {
        if (portal.HasExited) throw new InvalidOperationException($"The portal stopped with exit code {portal.ExitCode}.");
        try
        {
            using var response = await http.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode) return;
        }
        catch (HttpRequestException) { }
        await Task.Delay(100);
    }
    throw new TimeoutException("The portal did not become ready within 30 s.");
}
