using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AlertFormAnswersInOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "NotificationId",
                table: "AlertDeliveries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationToken",
                table: "AlertDeliveries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "AlertDeliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "AlertDeliveries",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_Email_CreatedUtc",
                table: "AlertDeliveries",
                columns: new[] { "Email", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlertDeliveries_Email_CreatedUtc",
                table: "AlertDeliveries");

            migrationBuilder.DropColumn(
                name: "ConfirmationToken",
                table: "AlertDeliveries");

            migrationBuilder.DropColumn(
                name: "CreatedUtc",
                table: "AlertDeliveries");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "AlertDeliveries");

            migrationBuilder.AlterColumn<long>(
                name: "NotificationId",
                table: "AlertDeliveries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
