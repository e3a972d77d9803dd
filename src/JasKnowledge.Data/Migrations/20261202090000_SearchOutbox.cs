using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>Search on Lucene.Net (issue 18): the FTS5 and tsvector tables go; the search outbox comes.
/// It holds the current search document of every source (a content item or file family), or a row
/// without a document once the source is no longer public, under a sequence number that grows with
/// every change. Each node's Lucene index applies the rows in sequence order. On SQLite AUTOINCREMENT
/// keeps a number from being used twice; on PostgreSQL the writers take a lock, so numbers commit in
/// order (SearchOutbox). The first start fills it from the published content.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261202090000_SearchOutbox")]
public sealed class SearchOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TABLE "SearchDocuments";
                CREATE TABLE "SearchOutbox" (
                    "Sequence" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    "Source" uuid NOT NULL UNIQUE,
                    "Type" varchar(64) NULL,
                    "Culture" varchar(16) NULL,
                    "LocalizationSet" varchar(200) NULL,
                    "Slug" varchar(200) NULL,
                    "Title" text NULL,
                    "Summary" text NULL,
                    "Text" text NULL,
                    "ChangedUnixMs" bigint NOT NULL);
                """);
        }
        else
        {
            migrationBuilder.Sql("DROP TABLE SearchTerms;");
            migrationBuilder.Sql("DROP TABLE SearchTexts;");
            migrationBuilder.Sql("DROP TABLE SearchDocuments;");
            migrationBuilder.Sql("""
                CREATE TABLE SearchOutbox (
                    Sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    Source TEXT NOT NULL UNIQUE,
                    Type TEXT NULL,
                    Culture TEXT NULL,
                    LocalizationSet TEXT NULL,
                    Slug TEXT NULL,
                    Title TEXT NULL,
                    Summary TEXT NULL,
                    Text TEXT NULL,
                    ChangedUnixMs INTEGER NOT NULL);
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // The FTS5 and tsvector tables are not made again: going back needs the earlier release's
        // migration set, which recreates and fills them at its first start.
        migrationBuilder.Sql(migrationBuilder.IsNpgsql() ? """DROP TABLE "SearchOutbox";""" : "DROP TABLE SearchOutbox;");
    }
}
