using JasKnowledge.Data.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>The one-time start-up tasks that have finished (issue 8). A database that already holds
/// content was imported before this table existed: its first import counts as done.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261126090000_StartupSteps")]
public sealed class StartupSteps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StartupSteps",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                CompletedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StartupSteps", x => x.Name));
        migrationBuilder.Sql(migrationBuilder.IsNpgsql()
            ? $"""INSERT INTO "StartupSteps" ("Name", "CompletedUtc") SELECT '{StartupStep.FirstImport}', now() WHERE EXISTS (SELECT 1 FROM "ContentItems") OR EXISTS (SELECT 1 FROM "Assets");"""
            : $"""INSERT INTO StartupSteps (Name, CompletedUtc) SELECT '{StartupStep.FirstImport}', strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE EXISTS (SELECT 1 FROM ContentItems) OR EXISTS (SELECT 1 FROM Assets);""");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("StartupSteps");
}
