using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace JasKnowledge.Data;

/// <summary>What the database answers when two requests change the same thing at the same moment, on
/// either engine: a unique index that another request filled first, or (PostgreSQL, serializable) a
/// transaction that could not be put in order with another. Both mean "someone else was first", not a
/// fault: callers turn them into a message, never a 500.</summary>
public static class DatabaseConflicts
{
    private const int SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555, SqliteBusy = 5;

    public static bool IsUniqueViolation(Exception exception) => Causes(exception).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException db => db.SqlState == "23505",
        _ => false,
    });

    /// <summary>A unique index filled first, or a transaction that lost to another (PostgreSQL 40001 and
    /// 40P01, SQLite busy).</summary>
    public static bool IsConflict(Exception exception) => IsUniqueViolation(exception) || Causes(exception).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteBusy,
        DbException db => db.SqlState is "40001" or "40P01",
        _ => false,
    });

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException) yield return exception;
    }
}
