using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JasKnowledge.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "ConfirmationToken",
                table: "AlertDeliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "AlertDeliveries",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "AlertDeliveries",
                type: "TEXT",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
