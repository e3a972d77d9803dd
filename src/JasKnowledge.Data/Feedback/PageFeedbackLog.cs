using System.Globalization;
using JasKnowledge.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace JasKnowledge.Data.Feedback;

/// <summary>A page as the report shows it: its answers in the period, the pages most often found of no use first.</summary>
public sealed record PageFeedbackLine(string Path, string Culture, int Useful, int NotUseful);

/// <summary>The period's answers and pages, and its remarks: <see cref="CommentCount"/> of them, the newest
/// <see cref="PageFeedbackLog.CommentsShown"/> in <see cref="Comments"/>.</summary>
public sealed record PageFeedbackReport(
    int Days, string? Culture, int Useful, int NotUseful, IReadOnlyList<PageFeedbackLine> Pages,
    int CommentCount, IReadOnlyList<PageComment> Comments);

public enum RemarkRemoval { Removed, AlreadyGone, NotYourLanguage }

/// <summary>
/// Visitors' answers to "Heb je iets aan deze pagina?" and what they wrote after it, as GOV.UK asks on every page: editors
/// and translators see which pages do not help and why (/beheer/reacties). Each answer is counted at once, in its own
/// transaction with the removal of what is older than <see cref="KeptDays"/> days; several nodes add to the same row.
/// </summary>
public sealed class PageFeedbackLog(JasDbContext db, TimeProvider clock)
{
    public const int KeptDays = 90;
    public const int MaxPathLength = 300;
    public const int MaxCommentLength = 1000;
    public const int PagesShown = 100;
    public const int CommentsShown = 200;

    public static readonly int[] Periods = [7, 30, KeptDays];

    public async Task AnswerAsync(string path, string culture, bool useful, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The same statement on both engines: a second node adding to the same row waits for it rather than failing.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "PageFeedbackCounts" ("Day", "Path", "Culture", "Useful", "NotUseful")
            VALUES ({0}, {1}, {2}, {3}, {4})
            ON CONFLICT ("Day", "Path") DO UPDATE SET
                "Useful" = "PageFeedbackCounts"."Useful" + excluded."Useful",
                "NotUseful" = "PageFeedbackCounts"."NotUseful" + excluded."NotUseful"
            """, [DayKey(today), path, culture, useful ? 1 : 0, useful ? 0 : 1], cancellationToken);
        var oldest = DayKey(today.AddDays(1 - KeptDays));
        await db.PageFeedbackCounts.Where(c => string.Compare(c.Day, oldest) < 0).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CommentAsync(string path, string culture, string text, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PageComments.Add(new PageComment { Path = path, Culture = culture, Text = text, CreatedUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        var oldest = now.AddDays(-KeptDays);
        await db.PageComments.Where(c => c.CreatedUtc < oldest).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes a comment, with who removed it in the audit log (not what it said), when it is in one of
    /// <paramref name="cultures"/> (null: any).</summary>
    public async Task<RemarkRemoval> RemoveCommentAsync(long id, string actor, IReadOnlyCollection<string>? cultures, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = await db.PageComments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null) return RemarkRemoval.AlreadyGone;
        if (cultures is not null && !cultures.Contains(comment.Culture)) return RemarkRemoval.NotYourLanguage;
        db.PageComments.Remove(comment);
        db.AuditLog.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = "feedback.comment.remove",
            Subject = $"reactie {id} op {comment.Path}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RemarkRemoval.Removed;
    }

    /// <summary>The last <paramref name="days"/> days up to today, in one language, or else in <paramref name="cultures"/>
    /// (null: all).</summary>
    public async Task<PageFeedbackReport> ReportAsync(int days, string? culture, IReadOnlyCollection<string>? cultures = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = DayKey(DateOnly.FromDateTime(now).AddDays(1 - days));
        var counts = db.PageFeedbackCounts.AsNoTracking().Where(c => string.Compare(c.Day, from) >= 0);
        if (culture is not null) counts = counts.Where(c => c.Culture == culture);
        else if (cultures is not null) counts = counts.Where(c => cultures.Contains(c.Culture));
        var useful = await counts.SumAsync(c => c.Useful, cancellationToken);
        var notUseful = await counts.SumAsync(c => c.NotUseful, cancellationToken);
        var pages = await counts.GroupBy(c => new { c.Path, c.Culture })
            .Select(g => new { g.Key.Path, g.Key.Culture, Useful = g.Sum(c => c.Useful), NotUseful = g.Sum(c => c.NotUseful) })
            .OrderByDescending(p => p.NotUseful).ThenBy(p => p.Useful).ThenBy(p => p.Path).Take(PagesShown)
            .ToListAsync(cancellationToken);
        var since = DateOnly.FromDateTime(now).AddDays(1 - days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var comments = db.PageComments.AsNoTracking().Where(c => c.CreatedUtc >= since);
        if (culture is not null) comments = comments.Where(c => c.Culture == culture);
        else if (cultures is not null) comments = comments.Where(c => cultures.Contains(c.Culture));
        var commentCount = await comments.CountAsync(cancellationToken);
        var shown = await comments.OrderByDescending(c => c.Id).Take(CommentsShown).ToListAsync(cancellationToken);
        return new PageFeedbackReport(days, culture, useful, notUseful,
            pages.Select(p => new PageFeedbackLine(p.Path, p.Culture, p.Useful, p.NotUseful)).ToList(), commentCount, shown);
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
