using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Search;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Search;

/// <summary>/beheer/zoekvragen: searches asked through the page and the API are counted per language, added up
/// across flushes and nodes, shown once asked often enough, and never with what looks like personal data.</summary>
public abstract partial class SearchQueryReportTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : SearchPortal
{
    [Fact]
    public async Task Editors_see_what_visitors_searched_and_did_not_find_without_personal_data()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var flush = host.Services.GetRequiredService<SearchQueryFlush>();
        await flush.FlushAsync();
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        // The other tests of the class count searches of today too: this test counts from what they left.
        var before = Totals(await editor.GetStringAsync("/beheer/zoekvragen"));
        var visitor = BackOffice.Client(host);
        async Task AskAsync(string url, int times)
        {
            for (var i = 0; i < times; i++) Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).StatusCode);
        }
        await AskAsync("/nl/zoeken?q=Zeppelinvaart", 2);
        await AskAsync("/nl/zoeken?q=koffie", 2);
        Assert.True(await flush.FlushAsync() > 0);
        // After a flush: the same rows grow (the API's lang counts as the visitor's language).
        await AskAsync("/nl/zoeken?q=zeppelinvaart", 1);
        await AskAsync("/api/v1/search?q=koffie&lang=nl", 1);
        await AskAsync("/nl/zoeken?q=koffie&page=2", 3);                 // paging on is the same search
        await AskAsync("/nl/zoeken?q=thee", 2);                          // asked too rarely to be shown
        await AskAsync("/nl/zoeken?q=bsn%20123456789", 3);               // counted, never kept
        await AskAsync("/nl/zoeken?q=mail%20jan%40example.nl", 1);
        await AskAsync("/ti/zoeken?q=%E1%88%B5%E1%88%AB%E1%88%95", 3);   // ስራሕ
        await AskAsync("/api/v1/search?q=zeppelinvaart", 4);             // the API without a language
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/nl/zoeken?q=zeppelinvaart")).StatusCode); // an editor's check
        Assert.True(await flush.FlushAsync() > 0);

        var page = await editor.GetStringAsync("/beheer/zoekvragen");
        Assert.Equal([("zeppelinvaart", "API, geen taal", 4, 4), ("zeppelinvaart", "Nederlands (nl)", 3, 3)], Lines(page, "niets-gevonden"));
        var mostAsked = Lines(page, "meest-gezocht");
        Assert.Contains(("koffie", "Nederlands (nl)", 3, 0), mostAsked);
        Assert.Contains(("ስራሕ", "ትግርኛ (ti)", 3, 0), mostAsked);
        Assert.DoesNotContain(mostAsked, l => l.Query is "thee" || l.Query.Contains("123456789") || l.Query.Contains('@'));
        Assert.DoesNotContain("123456789", page);
        Assert.DoesNotContain("example.nl", page);
        // 3 + 3 + 2 + 3 + 1 + 3 + 4 counted; nothing found by zeppelinvaart (3 + 4) and by the two with personal data (3 + 1).
        var after = Totals(page);
        Assert.Equal((19, 11, 4), (after.Searches - before.Searches, after.NothingFound - before.NothingFound, after.NotKept - before.NotKept));
        if (before == (0, 0, 0))
            Assert.Contains("19 zoekopdrachten, waarvan 11 (58%) zonder resultaat; 4 niet bewaard", Status(page));
        Assert.Contains("href=\"/ti/zoeken?q=%E1%88%B5%E1%88%AB%E1%88%95\"", page);

        var tigrinya = await editor.GetStringAsync("/beheer/zoekvragen?taal=ti&periode=7");
        Assert.Equal([("ስራሕ", "ትግርኛ (ti)", 3, 0)], Lines(tigrinya, "meest-gezocht"));
        Assert.Empty(Lines(tigrinya, "niets-gevonden"));
        // Filters the page does not offer: the last 30 days in all languages, never an error.
        var odd = await editor.GetAsync("/beheer/zoekvragen?taal=xx&periode=-5%27");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.Contains("De laatste 30 dagen:", await odd.Content.ReadAsStringAsync());

        // A translator bound to Tigrinya reads the Tigrinya queries only, also when asking for Dutch (attack of 7 December).
        var translator = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Translator, languages: ["ti"]));
        foreach (var url in new[] { "/beheer/zoekvragen", "/beheer/zoekvragen?taal=nl" })
        {
            var own = await translator.GetStringAsync(url);
            Assert.Contains(("ስራሕ", "ትግርኛ (ti)", 3, 0), Lines(own, "meest-gezocht"));
            Assert.DoesNotContain(Lines(own, "meest-gezocht"), l => l.Query is "koffie");
            Assert.Empty(Lines(own, "niets-gevonden"));
            Assert.DoesNotContain("<option value=\"nl\"", own);
        }
    }

    [Fact]
    public async Task A_search_with_a_null_character_never_stores_it_and_the_flush_still_writes()
    {
        // Found by the attack of 5 December 2026: PostgreSQL's text cannot hold a null character, and one such
        // query failed the minute's whole flush, every minute, with every count waiting behind it.
        var flush = portal.Factory.Services.GetRequiredService<SearchQueryFlush>();
        await flush.FlushAsync();
        var visitor = portal.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/nl/zoeken?q=nul%00vliegschip")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/search?q=ballonvaart%00&lang=nl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/nl/zoeken?q=luchtschip")).StatusCode);

        Assert.True(await flush.FlushAsync() > 0);
        using var scope = portal.Factory.Services.CreateScope();
        var queries = await scope.ServiceProvider.GetRequiredService<JasDbContext>().SearchQueryCounts.Select(c => c.Query).ToListAsync();
        Assert.Contains("luchtschip", queries);
        // The search page binds its query without the NUL (TextWithoutNullCharacters, 6 December 2026): it is counted as
        // what was typed around it. The API's query keeps it and is counted as not kept.
        Assert.Contains("nulvliegschip", queries);
        var wrong = queries.Where(q => q.Contains('\0') || q.Contains("ballonvaart")).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Select(q => System.Text.Json.JsonSerializer.Serialize(q))));
    }

    [Fact]
    public async Task Counts_of_two_nodes_add_up_and_days_past_the_kept_ninety_go()
    {
        // Forty days ago: outside the 30 days the other test reads.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40);
        var query = $"vraag{Guid.NewGuid():N}"[..20];
        using (var scope = portal.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SearchQueryLog>().AddAsync(day.AddDays(-SearchQueryLog.KeptDays), [new("nl", query, 5, 5)]);
        // Two nodes flushing the same row at the same moment: each adds, none fails.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var scope = portal.Factory.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SearchQueryLog>().AddAsync(day, [new("nl", query, 2, 1)]);
            }
        })));
        using var check = portal.Factory.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<JasDbContext>().SearchQueryCounts.AsNoTracking()
            .Where(c => c.Query == query).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal((day.ToString("yyyy-MM-dd"), 20, 10), (row.Day, row.Searches, row.WithoutResults));
    }

    [Fact]
    public async Task A_flood_of_new_queries_is_written_in_batches_and_over_long_ones_join_the_row_not_kept()
    {
        // Sixty days ago: outside the 30 days the first test reads. 450 rows: three statements of 200 at most.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60);
        var prefix = $"vloed{Guid.NewGuid():N}"[..12];
        var tallies = Enumerable.Range(0, 450).Select(i => new SearchQueryTally("uk", $"{prefix}-{i}", 1, i % 2)).ToList();
        tallies.Add(new("uk", new string('x', SearchQueryLog.MaxQueryLength + 1), 2, 2));
        tallies.Add(new("uk", new string('y', SearchQueryLog.MaxQueryLength + 5), 3, 0));
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<SearchQueryLog>();
            await log.AddAsync(day, tallies);
            await log.AddAsync(day, tallies.Take(10).ToList());
        }
        using var check = portal.Factory.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<JasDbContext>().SearchQueryCounts.AsNoTracking()
            .Where(c => c.Day == day.ToString("yyyy-MM-dd") && c.Culture == "uk").ToListAsync();
        var flood = rows.Where(r => r.Query.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(450, flood.Count);
        Assert.Equal(460, flood.Sum(r => r.Searches));
        Assert.Equal(2, flood.Single(r => r.Query == $"{prefix}-1").Searches);
        Assert.Equal(225 + 5, flood.Sum(r => r.WithoutResults));
        var notKept = Assert.Single(rows, r => r.Query == SearchQueryLog.NotKept);
        Assert.Equal((5, 2), (notKept.Searches, notKept.WithoutResults));
    }

    private static List<(string Query, string Language, int Searches, int WithoutResults)> Lines(string page, string table)
    {
        var html = TableOf(table).Match(page) is { Success: true } match ? match.Value : "";
        return LineOf().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value),
            int.Parse(m.Groups[3].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("nl-NL")),
            int.Parse(m.Groups[4].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("nl-NL")))).ToList();
    }

    private static Regex TableOf(string table) => new($"<table[^>]*data-zoekvragen=\"{table}\".*?</table>", RegexOptions.Singleline);

    [GeneratedRegex(@"<a [^>]*>([^<]+)</a></th>\s*<td>([^<]*)</td>\s*<td class=""number"">([^<]+)</td>\s*<td class=""number"">([^<]+)</td>")]
    private static partial Regex LineOf();

    [GeneratedRegex(@"<p role=""status"" id=""zoekvragen-totaal"">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex StatusLine();

    private static string Status(string page) => Regex.Replace(WebUtility.HtmlDecode(StatusLine().Match(page).Groups[1].Value), @"\s+", " ");

    /// <summary>"22 zoekopdrachten, waarvan 14 (64%) zonder resultaat; 5 niet bewaard" as numbers; zeros when nothing was counted yet.</summary>
    private static (int Searches, int NothingFound, int NotKept) Totals(string page)
    {
        var status = Status(page);
        var searches = Regex.Match(status, @"(\d+) zoekopdracht");
        var nothing = Regex.Match(status, @"waarvan (\d+)");
        var notKept = Regex.Match(status, @"(\d+) niet bewaard");
        static int Number(Match m) => m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (Number(searches), Number(nothing), Number(notKept));
    }
}

public sealed class SqliteSearchQueryReportTests(SqliteSearchPortal portal) : SearchQueryReportTests<SqliteSearchPortal>(portal);
public sealed class PostgresSearchQueryReportTests(PostgresSearchPortal portal) : SearchQueryReportTests<PostgresSearchPortal>(portal);
