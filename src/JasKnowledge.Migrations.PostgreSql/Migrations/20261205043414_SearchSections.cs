using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.PostgreSql.Migrations
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
                type: "text",
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
