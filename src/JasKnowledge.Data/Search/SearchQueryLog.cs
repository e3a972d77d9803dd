using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Search;

/// <summary>What one node counted since its last flush, for one language and query.</summary>
public sealed record SearchQueryTally(string Culture, string Query, int Searches, int WithoutResults);

/// <summary>A query as the report shows it: its language, how often it was asked in the period, and how often it found nothing.</summary>
public sealed record SearchQueryLine(string Culture, string Query, int Searches, int WithoutResults);

/// <param name="NotKept">Searches counted whose text was not kept (it looked like personal data, was too long, or came in a flood).</param>
public sealed record SearchQueryReport(
    int Days, string? Culture, int Searches, int WithoutResults, int NotKept,
    IReadOnlyList<SearchQueryLine> NotFound, IReadOnlyList<SearchQueryLine> MostAsked);

/// <summary>
/// The counts of what visitors searched, per day, language and query (<see cref="SearchQueryCount"/>), as
/// Read the Docs' search analytics keep them: editors see what is asked and not found, translators which
/// words participants use. Nodes add their tallies (several nodes add to the same row); rows older than
/// <see cref="KeptDays"/> days go with each addition; a query is shown only once it was asked at least
/// <see cref="MinimumSearches"/> times in the period, so what one person typed once is never on the page.
/// </summary>
public sealed class SearchQueryLog(JasDbContext db, TimeProvider clock)
{
    public const int MaxQueryLength = 100;
    public const int MinimumSearches = 3;
    public const int KeptDays = 90;
    public const int LinesShown = 50;
    private const int RowsPerStatement = 200;
    /// <summary>The query of the row that counts searches whose text was not kept.</summary>
    public const string NotKept = "";

    public static readonly int[] Periods = [7, 30, KeptDays];

    /// <summary>Adds a node's tallies to the day's counts and removes the days no longer kept, in one transaction.</summary>
    public async Task AddAsync(DateOnly day, IReadOnlyCollection<SearchQueryTally> tallies, CancellationToken cancellationToken = default)
    {
        if (tallies.Count == 0) return;
        var key = DayKey(day);
        // One row per language and query (a query too long to keep joins the row of those not kept): a statement may
        // not add to the same row twice.
        var rows = tallies
            .GroupBy(t => (t.Culture, Query: t.Query.Length <= MaxQueryLength ? t.Query : NotKept))
            .Select(g => (g.Key.Culture, g.Key.Query, Searches: g.Sum(t => t.Searches), WithoutResults: g.Sum(t => t.WithoutResults)))
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            // The same statement on both engines; another node adding to the same row at the same moment waits for the row,
            // not fails. Many rows a statement: a flood of new words (2,000 a minute) costs a few statements, not 2,000.
            var values = string.Join(", ", batch.Select((_, i) => $"({{0}}, {{{1 + 4 * i}}}, {{{2 + 4 * i}}}, {{{3 + 4 * i}}}, {{{4 + 4 * i}}})"));
            var parameters = new List<object> { key };
            foreach (var row in batch) parameters.AddRange([row.Culture, row.Query, row.Searches, row.WithoutResults]);
            // Only placeholders ({0}, {1}, …) go into the text; every value is a parameter.
            var sql = $"""
                INSERT INTO "SearchQueryCounts" ("Day", "Culture", "Query", "Searches", "WithoutResults")
                VALUES {values}
                ON CONFLICT ("Day", "Culture", "Query") DO UPDATE SET
                    "Searches" = "SearchQueryCounts"."Searches" + excluded."Searches",
                    "WithoutResults" = "SearchQueryCounts"."WithoutResults" + excluded."WithoutResults"
                """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
        var oldest = DayKey(day.AddDays(1 - KeptDays));
        await db.SearchQueryCounts.Where(c => string.Compare(c.Day, oldest) < 0).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The last <paramref name="days"/> days up to today, in one language, or else in <paramref name="cultures"/> (null: all).</summary>
    public async Task<SearchQueryReport> ReportAsync(
        int days, string? culture, IReadOnlyCollection<string>? cultures = null, CancellationToken cancellationToken = default)
    {
        var from = DayKey(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - days));
        var rows = db.SearchQueryCounts.AsNoTracking().Where(c => string.Compare(c.Day, from) >= 0);
        if (culture is not null) rows = rows.Where(c => c.Culture == culture);
        else if (cultures is not null) rows = rows.Where(c => cultures.Contains(c.Culture));
        var searches = await rows.SumAsync(c => c.Searches, cancellationToken);
        var withoutResults = await rows.SumAsync(c => c.WithoutResults, cancellationToken);
        var notKept = await rows.Where(c => c.Query == NotKept).SumAsync(c => c.Searches, cancellationToken);
        var asked = rows.Where(c => c.Query != NotKept)
            .GroupBy(c => new { c.Culture, c.Query })
            .Select(g => new { g.Key.Culture, g.Key.Query, Searches = g.Sum(c => c.Searches), WithoutResults = g.Sum(c => c.WithoutResults) })
            .Where(l => l.Searches >= MinimumSearches);
        var notFound = await asked.Where(l => l.WithoutResults > 0)
            .OrderByDescending(l => l.WithoutResults).ThenByDescending(l => l.Searches).ThenBy(l => l.Query).Take(LinesShown)
            .ToListAsync(cancellationToken);
        var mostAsked = await asked.OrderByDescending(l => l.Searches).ThenBy(l => l.Query).Take(LinesShown).ToListAsync(cancellationToken);
        return new SearchQueryReport(days, culture, searches, withoutResults, notKept,
            notFound.Select(l => new SearchQueryLine(l.Culture, l.Query, l.Searches, l.WithoutResults)).ToList(),
            mostAsked.Select(l => new SearchQueryLine(l.Culture, l.Query, l.Searches, l.WithoutResults)).ToList());
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
