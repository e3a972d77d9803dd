using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JasKnowledge.Data.Migrations;

/// <summary>User administration (issue 20): an administrator can disable an account, the list shows
/// each account's last sign-in, and an invitation link is stored as the SHA-256 of its token with the
/// time it expires.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261201090000_AccountAdministration")]
public sealed class AccountAdministration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "Disabled", table: "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>(name: "LastSignInUtc", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "InvitationHash", table: "AspNetUsers", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "InvitationExpiresUtc", table: "AspNetUsers", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_InvitationHash", table: "AspNetUsers", column: "InvitationHash");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_AspNetUsers_InvitationHash", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "InvitationExpiresUtc", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "InvitationHash", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "LastSignInUtc", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "Disabled", table: "AspNetUsers");
    }
}
