using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.PostgreSql.Migrations
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
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Query = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Searches = table.Column<int>(type: "integer", nullable: false),
                    WithoutResults = table.Column<int>(type: "integer", nullable: false)
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
