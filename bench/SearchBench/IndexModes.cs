using System.Diagnostics;
using System.Text.Json;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchBench;

/// <summary>
/// Two modes on an index folder kept by an earlier run (JAS_BENCH_KEEP=1), no portal:
/// <c>--phases FOLDER [rounds] [QUERY…]</c> times the query mix (or the queries given) phase by phase
/// inside LuceneSearch.Run (with the glossary's synonyms when run from the repository's root), with the
/// kilobytes each phase allocates, and
/// <c>--dump FOLDER FILE</c> writes the full answers (hits, order, snippets, facets, corrections) of a
/// wide set of requests, so two builds can be compared byte for byte.
/// </summary>
public static class IndexModes
{
    public static readonly (string Name, string? Lang, string? Type, string Q)[] Mix =
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

    public static int Phases(string folder, int rounds, string[] queries)
    {
        var mix = queries.Length == 0 ? Mix : queries.Select(q => (Name: "given", Lang: (string?)null, Type: (string?)null, Q: q)).ToArray();
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(folder));
        var searcher = new LiveStatisticsSearcher(reader);
        var glossary = Glossary(reader);
        var totals = mix.ToDictionary(m => m.Q, _ => new List<double>());
        var phases = mix.ToDictionary(m => m.Q, _ => new SearchPhases());
        var allocated = mix.ToDictionary(m => m.Q, _ => 0L);
        var hits = mix.ToDictionary(m => m.Q, _ => 0);
        (int Gen0, int Gen1, int Gen2, TimeSpan Paused) gc = default;
        for (var round = -20; round < rounds; round++)
        {
            if (round == 0) gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            foreach (var query in mix)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var measured = round < 0 ? new SearchPhases() : phases[query.Q];
                var clock = Stopwatch.StartNew();
                measured.Start();
                var parsed = SearchQuery.Parse(query.Q);
                var synonyms = glossary?.SynonymQueries(parsed, "nl", query.Lang ?? "nl");
                hits[query.Q] = LuceneSearch.Run(searcher, new SearchRequest(parsed, query.Lang, query.Type, Synonyms: synonyms), suggest: true, measured).Total;
                if (round < 0) continue;
                totals[query.Q].Add(clock.Elapsed.TotalMilliseconds);
                allocated[query.Q] += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }
        var collections = $"{GC.CollectionCount(0) - gc.Gen0} / {GC.CollectionCount(1) - gc.Gen1} / {GC.CollectionCount(2) - gc.Gen2}";
        var paused = (GC.GetTotalPauseDuration() - gc.Paused).TotalMilliseconds;
        var names = phases.Values.SelectMany(p => p.Milliseconds.Keys).Distinct().ToList();
        Console.WriteLine($"{rounds} rounds over {reader.NumDocs} documents ({reader.NumDeletedDocs} replaced ones not yet merged away), {reader.Leaves.Count} segments; mean ms per search and phase.\n");
        Console.WriteLine($"Garbage collections while measuring (generation 0 / 1 / 2): {collections}, paused {paused:F0} ms in all.\n");
        Console.WriteLine($"| query | hits | p50 / p95 | KB allocated | {string.Join(" | ", names)} |");
        Console.WriteLine($"|---|---:|---:|---:|{string.Concat(names.Select(_ => "---:|"))}");
        foreach (var query in mix)
        {
            var cells = names.Select(n => $"{phases[query.Q].Milliseconds.GetValueOrDefault(n) / rounds:F3}");
            var times = totals[query.Q];
            Console.WriteLine($"| {query.Name} (`{query.Q}`) | {hits[query.Q]} | {P(times, 50):F2} / {P(times, 95):F2} | {allocated[query.Q] / 1024.0 / rounds:F0} | {string.Join(" | ", cells)} |");
        }
        var all = totals.Values.SelectMany(v => v).ToList();
        var sums = names.Select(n => $"{phases.Values.Sum(p => p.Milliseconds.GetValueOrDefault(n)) / rounds / mix.Length:F3}");
        Console.WriteLine($"| **all** | | **{P(all, 50):F2} / {P(all, 95):F2}** | {allocated.Values.Sum() / 1024.0 / rounds / mix.Length:F0} | {string.Join(" | ", sums)} |");
        // Allocation drives the garbage collector, which under load stops every search: where it happens.
        Console.WriteLine($"\nKB allocated per search and phase:\n\n| query | {string.Join(" | ", names)} |");
        Console.WriteLine($"|---|{string.Concat(names.Select(_ => "---:|"))}");
        foreach (var query in mix)
            Console.WriteLine($"| `{query.Q}` | {string.Join(" | ", names.Select(n => $"{phases[query.Q].Bytes.GetValueOrDefault(n) / 1024.0 / rounds:F1}"))} |");
        return 0;
    }

    public static int Dump(string folder, string file)
    {
        using var reader = DirectoryReader.Open(LuceneSearchIndex.Directory(folder));
        var searcher = new LiveStatisticsSearcher(reader);
        var requests = new List<SearchRequest>();
        foreach (var (_, lang, type, q) in Mix)
        {
            requests.Add(new SearchRequest(SearchQuery.Parse(q), lang, type));
            requests.Add(new SearchRequest(SearchQuery.Parse(q), null, null, Page: 2, PreferredCulture: "nl"));
            requests.Add(new SearchRequest(SearchQuery.Parse(q + " -nergens1x"), lang, type, PreferredCulture: "ar"));
        }
        string[] more =
        [
            "gesprek", "gesprk", "kofee", "koffe", "participatieverklaing", "ondertekenig", "zorgverzekring", "stadhiuss", "sesions",
            "tuesdy", "العمال", "ምድላዩ", "گفتگو", "گفت‌وگو", "gesprk -stadhuis", "kof", "pauze", "thee", "qqqqqqq",
            "\"werk bij\"", "inbur* werk", "\"het gespr*\"", "робот*", "ስራ*", "роботи", "shaqo", "مقابلة", "المقابلات",
            "werk", "work", "cafe", "CAFÉ",
            "deelnemers -stadhuis -koffie", "verzekering", "onderteken*", "\"tekenen de participatieverklaring\"", "klantmanger werk",
            "de het een", "inburgering gemeente werk taal", "zeppelinachtig luchtschip", "a", "1", "2024", "x*", "ge*",
        ];
        foreach (var q in more)
        {
            requests.Add(new SearchRequest(SearchQuery.Parse(q), null, null));
            requests.Add(new SearchRequest(SearchQuery.Parse(q), "nl", null, PreferredCulture: "nl"));
            requests.Add(new SearchRequest(SearchQuery.Parse(q), null, "page", Page: 3, PreferredCulture: "uk"));
        }
        requests.Add(new SearchRequest(SearchQuery.Parse("werk"), null, null,
            Synonyms: [SearchQuery.Parse("work"), SearchQuery.Parse("العمل")]));
        requests.Add(new SearchRequest(SearchQuery.Parse("health insurance"), "en", null, PreferredCulture: "en",
            Synonyms: [SearchQuery.Parse("zorgverzekering"), SearchQuery.Parse("التأمين الصحي")]));
        using var output = File.CreateText(file);
        foreach (var request in requests)
        {
            var result = LuceneSearch.Run(searcher, request);
            output.WriteLine(JsonSerializer.Serialize(new
            {
                request = new { request.Query.Text, request.Culture, request.Type, request.Page, request.PreferredCulture },
                result.Total, result.Types, result.Cultures, result.AlsoSearchedFor, result.Suggestion,
                hits = result.Hits.Select(h => new { h.Document, h.SnippetHtml }),
            }));
        }
        Console.WriteLine($"Wrote {requests.Count} answers to {file}.");
        return 0;
    }

    /// <summary>The glossary of the shipped content (the folder <c>content</c> where the benchmark runs, the repository's root),
    /// whose synonyms a request adds as the portal and the raw pass of the benchmark add them; null without it.</summary>
    private static JasKnowledge.Core.Translations.Glossary? Glossary(IndexReader reader)
    {
        if (!System.IO.Directory.Exists("content")) return null;
        var cultures = new List<string>();
        if (MultiFields.GetTerms(reader, SearchFields.Culture)?.GetEnumerator() is { } terms)
            while (terms.MoveNext()) cultures.Add(terms.Term.Utf8ToString());
        return JasKnowledge.Core.Translations.Glossary.Load("content", cultures);
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
