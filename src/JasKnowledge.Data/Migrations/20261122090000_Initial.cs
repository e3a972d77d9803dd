using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace JasKnowledge.Data.Migrations;

/// <summary>
/// Written by hand (`dotnet ef` cannot be restored here). Column types are left to the provider's
/// default mapping of each CLR type, so the same migration creates the right schema on SQLite and on
/// PostgreSQL. MigrationsMatchModelTests checks that the result equals what the model expects.
/// </summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261122090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 64, nullable: false),
                Culture = table.Column<string>(maxLength: 16, nullable: false),
                LocalizationSet = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentItems", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                Summary = table.Column<string>(maxLength: 2000, nullable: true),
                Body = table.Column<string>(nullable: false),
                Fields = table.Column<string>(nullable: true),
                ChangeNote = table.Column<string>(maxLength: 2000, nullable: true),
                IsMajor = table.Column<bool>(nullable: false),
                SourceVersion = table.Column<int>(nullable: true),
                Author = table.Column<string>(maxLength: 256, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                PublishedUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentVersions", x => x.Id);
                table.ForeignKey("FK_ContentVersions_ContentItems_ItemId", x => x.ItemId, "ContentItems", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Assets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 200, nullable: false),
                Culture = table.Column<string>(maxLength: 16, nullable: false),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Assets", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AssetRevisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssetId = table.Column<Guid>(nullable: false),
                VersionLabel = table.Column<string>(maxLength: 64, nullable: false),
                BlobKey = table.Column<string>(maxLength: 200, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Size = table.Column<long>(nullable: false),
                MediaType = table.Column<string>(maxLength: 200, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ReleaseNotes = table.Column<string>(nullable: true),
                PublishedUtc = table.Column<DateTime>(nullable: false),
                ReplacedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AssetRevisions", x => x.Id);
                table.ForeignKey("FK_AssetRevisions_Assets_AssetId", x => x.AssetId, "Assets", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Subject = table.Column<string>(maxLength: 400, nullable: false),
                Detail = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditLog", x => x.Id));

        migrationBuilder.CreateIndex("IX_ContentItems_LocalizationSet_Culture", "ContentItems", ["LocalizationSet", "Culture"], unique: true);
        migrationBuilder.CreateIndex("IX_ContentItems_Type_Culture_Slug", "ContentItems", ["Type", "Culture", "Slug"], unique: true);
        migrationBuilder.CreateIndex("IX_ContentVersions_ItemId_Number", "ContentVersions", ["ItemId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_ContentVersions_State", "ContentVersions", "State");
        migrationBuilder.CreateIndex("IX_Assets_Slug_Culture", "Assets", ["Slug", "Culture"], unique: true);
        migrationBuilder.CreateIndex("IX_AssetRevisions_AssetId_VersionLabel", "AssetRevisions", ["AssetId", "VersionLabel"], unique: true);
        migrationBuilder.CreateIndex("IX_AssetRevisions_Sha256", "AssetRevisions", "Sha256");
        migrationBuilder.CreateIndex("IX_AuditLog_AtUtc", "AuditLog", "AtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditLog");
        migrationBuilder.DropTable("AssetRevisions");
        migrationBuilder.DropTable("Assets");
        migrationBuilder.DropTable("ContentVersions");
        migrationBuilder.DropTable("ContentItems");
    }
}
