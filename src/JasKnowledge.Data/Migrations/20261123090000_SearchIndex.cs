using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>The full-text index (issue 5): documents and their terms, in SQLite FTS5 or a PostgreSQL
/// tsvector with a GIN index. Not part of the EF model: only the search index classes read and write
/// it, with SQL of their engine. The start-up fills it from the published content.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261123090000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SearchDocuments" (
                    "RowId" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    "Source" uuid NOT NULL UNIQUE,
                    "Type" varchar(64) NOT NULL,
                    "Culture" varchar(16) NOT NULL,
                    "LocalizationSet" varchar(200) NOT NULL,
                    "Slug" varchar(200) NOT NULL,
                    "Title" text NOT NULL,
                    "Text" text NOT NULL,
                    "Terms" tsvector NOT NULL);
                CREATE INDEX "IX_SearchDocuments_Terms" ON "SearchDocuments" USING gin ("Terms");
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TABLE SearchDocuments (
                    RowId INTEGER PRIMARY KEY,
                    Source TEXT NOT NULL UNIQUE,
                    Type TEXT NOT NULL,
                    Culture TEXT NOT NULL,
                    LocalizationSet TEXT NOT NULL,
                    Slug TEXT NOT NULL,
                    Title TEXT NOT NULL);
                """);
            // The long text is kept apart, so counting and ranking thousands of hits reads small rows;
            // it is read only for the snippets of one page of hits.
            migrationBuilder.Sql("CREATE TABLE SearchTexts (RowId INTEGER PRIMARY KEY, Text TEXT NOT NULL);");
            // Contentless: the terms are only indexed, not stored a second time.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchTerms USING fts5(title, body, title_tails, body_tails, tokenize = 'ascii', content = '', " +
                "contentless_delete = 1);");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            migrationBuilder.IsNpgsql() ? """DROP TABLE "SearchDocuments";"""
            : "DROP TABLE SearchTerms; DROP TABLE SearchTexts; DROP TABLE SearchDocuments;");
    }
}
