using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace JasKnowledge.Data.Migrations;

/// <summary>E-mail alerts (issue 24): the subscriptions (address, what, language, how often, when —
/// nothing else), the notification outbox that publishing writes in its transaction, and one delivery
/// per notification and address, unique, so that nothing is sent twice.</summary>
[DbContext(typeof(JasDbContext))]
[Migration("20261202120000_Alerts")]
public sealed class Alerts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AlertSubscriptions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Topic = table.Column<string>(maxLength: 300, nullable: false),
                Culture = table.Column<string>(maxLength: 16, nullable: false),
                Weekly = table.Column<bool>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ConfirmedUtc = table.Column<DateTime>(nullable: true),
                ConfirmationHash = table.Column<string>(maxLength: 64, nullable: true),
                ConfirmationExpiresUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AlertSubscriptions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AlertNotifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Topic = table.Column<string>(maxLength: 300, nullable: false),
                Culture = table.Column<string>(maxLength: 16, nullable: true),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                ChangeNote = table.Column<string>(maxLength: 2000, nullable: true),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                Changes = table.Column<string>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                FannedOutUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AlertNotifications", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AlertDeliveries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                NotificationId = table.Column<long>(nullable: false),
                SubscriptionId = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Culture = table.Column<string>(maxLength: 16, nullable: false),
                Weekly = table.Column<bool>(nullable: false),
                DueUtc = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                ClaimedUtc = table.Column<DateTime>(nullable: true),
                SentUtc = table.Column<DateTime>(nullable: true),
                AbandonedUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlertDeliveries", x => x.Id);
                table.ForeignKey("FK_AlertDeliveries_AlertNotifications_NotificationId", x => x.NotificationId,
                    "AlertNotifications", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AlertDeliveries_AlertSubscriptions_SubscriptionId", x => x.SubscriptionId,
                    "AlertSubscriptions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AlertSubscriptions_Email_Topic_Culture", "AlertSubscriptions", ["Email", "Topic", "Culture"], unique: true);
        migrationBuilder.CreateIndex("IX_AlertSubscriptions_Topic_Culture", "AlertSubscriptions", ["Topic", "Culture"]);
        migrationBuilder.CreateIndex("IX_AlertSubscriptions_ConfirmationHash", "AlertSubscriptions", "ConfirmationHash", unique: true);
        migrationBuilder.CreateIndex("IX_AlertNotifications_FannedOutUtc", "AlertNotifications", "FannedOutUtc");
        migrationBuilder.CreateIndex("IX_AlertDeliveries_NotificationId_Email", "AlertDeliveries", ["NotificationId", "Email"], unique: true);
        migrationBuilder.CreateIndex("IX_AlertDeliveries_SentUtc_DueUtc", "AlertDeliveries", ["SentUtc", "DueUtc"]);
        migrationBuilder.CreateIndex("IX_AlertDeliveries_SubscriptionId", "AlertDeliveries", "SubscriptionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AlertDeliveries");
        migrationBuilder.DropTable("AlertNotifications");
        migrationBuilder.DropTable("AlertSubscriptions");
    }
}
