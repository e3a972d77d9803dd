using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>Files the portal renders from its own content (handbook editions) record a digest of that
/// content, so a page can say whether the web text still matches the latest file.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261122140000_AssetRevisionSource")]
public sealed class AssetRevisionSource : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Source", table: "AssetRevisions", maxLength: 100, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Source", table: "AssetRevisions");
}
