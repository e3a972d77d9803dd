using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sections",
                table: "SearchOutbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sections",
                table: "SearchOutbox");
        }
    }
}
