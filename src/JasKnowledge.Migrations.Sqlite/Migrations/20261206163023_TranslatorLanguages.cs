using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TranslatorLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Languages",
                table: "AspNetUsers");
        }
    }
}
