using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Audit;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JasKnowledge.Data;

/// <summary>The portal's one database: content, assets, audit log, the back office's accounts
/// (ASP.NET Core Identity) and the data-protection keys, on SQLite or PostgreSQL with the same model and
/// the same hand-written migrations.</summary>
public class JasDbContext(DbContextOptions<JasDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign cookies, antiforgery tokens and preview links: in the database, so
    /// every node accepts what another issued and a restart signs nobody out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<AssetRevision> AssetRevisions => Set<AssetRevision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Startup.StartupStep> StartupSteps => Set<Startup.StartupStep>();
    public DbSet<Alerts.AlertSubscription> AlertSubscriptions => Set<Alerts.AlertSubscription>();
    public DbSet<Alerts.AlertNotification> AlertNotifications => Set<Alerts.AlertNotification>();
    public DbSet<Alerts.AlertDelivery> AlertDeliveries => Set<Alerts.AlertDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, PostgreSQL's timestamptz insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<PortalUser>(user =>
        {
            user.Property(u => u.Gemeente).HasMaxLength(4);
            user.Property(u => u.InvitationHash).HasMaxLength(64);
            user.HasIndex(u => u.InvitationHash);
        });
        model.Entity<ContentItem>(item =>
        {
            item.ToTable("ContentItems");
            // Ids are made by the domain (Guid.NewGuid), so a new version added to a loaded item is an
            // insert, not an update of a row that does not exist.
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Type).HasMaxLength(64);
            item.Property(i => i.Culture).HasMaxLength(16);
            item.Property(i => i.LocalizationSet).HasMaxLength(200);
            item.Property(i => i.Slug).HasMaxLength(200);
            item.HasIndex(i => new { i.LocalizationSet, i.Culture }).IsUnique();
            item.HasIndex(i => new { i.Type, i.Culture, i.Slug }).IsUnique();
            item.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.Ignore(i => i.Published);
            item.Ignore(i => i.Draft);
            item.Ignore(i => i.Latest);
        });
        model.Entity<ContentVersion>(version =>
        {
            version.ToTable("ContentVersions");
            version.Property(v => v.Id).ValueGeneratedNever();
            version.Property(v => v.Title).HasMaxLength(400);
            version.Property(v => v.Summary).HasMaxLength(2000);
            version.Property(v => v.ChangeNote).HasMaxLength(2000);
            version.Property(v => v.Author).HasMaxLength(256);
            version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
            version.HasIndex(v => v.State);
        });
        model.Entity<Asset>(asset =>
        {
            asset.ToTable("Assets");
            asset.Property(a => a.Id).ValueGeneratedNever();
            asset.Property(a => a.Slug).HasMaxLength(200);
            asset.Property(a => a.Culture).HasMaxLength(16);
            asset.Property(a => a.Title).HasMaxLength(400);
            asset.HasIndex(a => new { a.Slug, a.Culture }).IsUnique();
            asset.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
            asset.Ignore(a => a.Latest);
        });
        model.Entity<AssetRevision>(revision =>
        {
            revision.ToTable("AssetRevisions");
            revision.Property(r => r.Id).ValueGeneratedNever();
            revision.Property(r => r.VersionLabel).HasMaxLength(64);
            revision.Property(r => r.BlobKey).HasMaxLength(200);
            revision.Property(r => r.Sha256).HasMaxLength(64);
            revision.Property(r => r.MediaType).HasMaxLength(200);
            revision.Property(r => r.FileName).HasMaxLength(255);
            revision.Property(r => r.Source).HasMaxLength(100);
            revision.HasIndex(r => new { r.AssetId, r.VersionLabel }).IsUnique();
            revision.HasIndex(r => r.Sha256);
        });
        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditLog");
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Subject).HasMaxLength(400);
            entry.HasIndex(e => e.AtUtc);
        });
        model.Entity<Startup.StartupStep>(step =>
        {
            step.ToTable("StartupSteps");
            step.HasKey(s => s.Name);
            step.Property(s => s.Name).HasMaxLength(64);
        });
        model.Entity<Alerts.AlertSubscription>(subscription =>
        {
            subscription.ToTable("AlertSubscriptions");
            subscription.Property(s => s.Id).ValueGeneratedNever();
            subscription.Property(s => s.Email).HasMaxLength(254);
            subscription.Property(s => s.Topic).HasMaxLength(300);
            subscription.Property(s => s.Culture).HasMaxLength(16);
            subscription.Property(s => s.ConfirmationHash).HasMaxLength(64);
            subscription.HasIndex(s => new { s.Email, s.Topic, s.Culture }).IsUnique();
            subscription.HasIndex(s => new { s.Topic, s.Culture });
            subscription.HasIndex(s => s.ConfirmationHash).IsUnique();
        });
        model.Entity<Alerts.AlertNotification>(notification =>
        {
            notification.ToTable("AlertNotifications");
            notification.Property(n => n.Topic).HasMaxLength(300);
            notification.Property(n => n.Culture).HasMaxLength(16);
            notification.Property(n => n.Title).HasMaxLength(400);
            notification.Property(n => n.ChangeNote).HasMaxLength(2000);
            notification.Property(n => n.Path).HasMaxLength(400);
            notification.HasIndex(n => n.FannedOutUtc);
        });
        model.Entity<Alerts.AlertDelivery>(delivery =>
        {
            delivery.ToTable("AlertDeliveries");
            delivery.Property(d => d.Email).HasMaxLength(254);
            delivery.Property(d => d.Culture).HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            // The promise "never twice": one row per notification and address, whatever happens.
            delivery.HasIndex(d => new { d.NotificationId, d.Email }).IsUnique();
            delivery.HasIndex(d => new { d.SentUtc, d.DueUtc });
            delivery.HasOne<Alerts.AlertNotification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
            // Unsubscribing removes what is still to come for that subscription, and its record.
            delivery.HasOne<Alerts.AlertSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>UTC, to the whole microsecond: PostgreSQL keeps no more, SQLite would keep ten times as
    /// much, and a site moved from one to the other (backup, restore) must show the same times.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => ToWholeMicroseconds(v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc)),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static DateTime ToWholeMicroseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
