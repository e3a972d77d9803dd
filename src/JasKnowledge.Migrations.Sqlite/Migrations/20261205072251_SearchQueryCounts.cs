using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchQueryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchQueryCounts",
                columns: table => new
                {
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Searches = table.Column<int>(type: "INTEGER", nullable: false),
                    WithoutResults = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchQueryCounts", x => new { x.Day, x.Culture, x.Query });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchQueryCounts");
        }
    }
}
