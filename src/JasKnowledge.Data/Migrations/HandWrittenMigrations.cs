using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>
/// Until December 2026 the portal's migrations were written by hand, one set for both engines, ending
/// with 20261202090000_SearchOutbox. A database they made holds the schema of the generated baseline
/// (the first migration of each engine's set) except for the search outbox's keys, which their raw
/// SQL let the engine name. This step, run under the start-up lock just before migrating, gives those
/// the baseline's form and records the baseline as applied in place of the hand-written migrations, in
/// one transaction: every row stays, and later migrations apply as on a database the baseline made.
/// </summary>
public static class HandWrittenMigrations
{
    /// <summary>The last hand-written migration: a database that has it holds the whole hand-written schema.</summary>
    public const string Last = "20261202090000_SearchOutbox";

    private static readonly string[] All =
    [
        "20261122090000_Initial", "20261122140000_AssetRevisionSource", "20261123090000_SearchIndex", "20261124090000_Accounts",
        "20261125090000_DataProtectionKeys", "20261126090000_StartupSteps", "20261201090000_AccountAdministration", Last,
    ];

    /// <summary>Adopts a database made by the hand-written migrations; does nothing to any other.
    /// Returns whether it did.</summary>
    public static async Task<bool> AdoptAsync(JasDbContext db, CancellationToken cancellationToken = default)
    {
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var baseline = db.Database.GetMigrations().First();
        var handWritten = applied.Where(id => All.Contains(id, StringComparer.Ordinal)).ToList();
        if (applied.Contains(baseline) || handWritten.Count == 0) return false;
        if (!handWritten.Contains(Last))
            throw new InvalidOperationException(
                $"This database was made by a release older than 2 December 2026 (its last migration is {handWritten.Max()}): " +
                "start a release of 2 December 2026 on it once, then this one.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // CREATE TABLE named the keys itself; the baseline names them as EF does. The column default
            // came from adding the column to existing rows; the baseline has none.
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE "SearchOutbox" RENAME CONSTRAINT "SearchOutbox_pkey" TO "PK_SearchOutbox";
                ALTER TABLE "SearchOutbox" DROP CONSTRAINT "SearchOutbox_Source_key";
                CREATE UNIQUE INDEX "IX_SearchOutbox_Source" ON "SearchOutbox" ("Source");
                ALTER TABLE "AspNetUsers" ALTER COLUMN "Disabled" DROP DEFAULT;
                """, cancellationToken);
        }
        else
        {
            await RebuildSqliteSearchOutboxAsync(db, cancellationToken);
        }
        // The history then reads as on a database the baseline made (a backup names its last migration).
        var history = db.GetService<IHistoryRepository>();
        foreach (var id in handWritten) await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, EfVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>SQLite cannot drop a column's inline UNIQUE: the table is made again in the baseline's
    /// form, with its rows and its AUTOINCREMENT counter, so that no sequence number is handed out twice.</summary>
    private static async Task RebuildSqliteSearchOutboxAsync(JasDbContext db, CancellationToken cancellationToken)
    {
        const string columns = """
            "Sequence", "Source", "Type", "Culture", "LocalizationSet", "Slug", "Title", "Summary", "Text", "ChangedUnixMs"
            """;
        var rebuild = $"""
            CREATE TABLE "ef_temp_SearchOutbox" (
                "Sequence" INTEGER NOT NULL CONSTRAINT "PK_SearchOutbox" PRIMARY KEY AUTOINCREMENT,
                "Source" TEXT NOT NULL,
                "Type" TEXT NULL,
                "Culture" TEXT NULL,
                "LocalizationSet" TEXT NULL,
                "Slug" TEXT NULL,
                "Title" TEXT NULL,
                "Summary" TEXT NULL,
                "Text" TEXT NULL,
                "ChangedUnixMs" INTEGER NOT NULL
            );
            INSERT INTO "ef_temp_SearchOutbox" ({columns}) SELECT {columns} FROM "SearchOutbox";
            DELETE FROM sqlite_sequence WHERE name = 'ef_temp_SearchOutbox';
            INSERT INTO sqlite_sequence (name, seq) SELECT 'ef_temp_SearchOutbox', seq FROM sqlite_sequence WHERE name = 'SearchOutbox';
            DROP TABLE "SearchOutbox";
            ALTER TABLE "ef_temp_SearchOutbox" RENAME TO "SearchOutbox";
            CREATE UNIQUE INDEX "IX_SearchOutbox_Source" ON "SearchOutbox" ("Source");
            """;
        await db.Database.ExecuteSqlRawAsync(rebuild, cancellationToken);
    }

    /// <summary>The EF Core version, as EF itself writes it into the history.</summary>
    private static string EfVersion() =>
        typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
}
