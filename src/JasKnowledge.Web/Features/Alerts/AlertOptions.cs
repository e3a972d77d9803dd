namespace JasKnowledge.Web.Features.Alerts;

/// <summary>Jas:Alerts. Without an SMTP host, mails are written as .eml files to
/// <see cref="PickupFolder"/> (under the data directory), so the embedded default needs no mail server.</summary>
public sealed class AlertOptions
{
    public const string Section = "Jas:Alerts";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>MailKit's SecureSocketOptions: Auto, None, StartTls, SslOnConnect, StartTlsWhenAvailable.</summary>
    public string SmtpSecurity { get; set; } = "Auto";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "JasKnowledge <noreply@localhost>";
    /// <summary>Relative to the data directory.</summary>
    public string PickupFolder { get; set; } = "mail";

    /// <summary>How often the sender looks for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Weekly digests go out at the end of each such period (aligned to Monday 07:00 UTC).</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromDays(7);
    /// <summary>The first retry after a failure; each next one waits twice as long.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);
    public int MaxAttempts { get; set; } = 6;
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a confirmation link works; an unconfirmed subscription is deleted then.</summary>
    public TimeSpan ConfirmationValidFor { get; set; } = TimeSpan.FromDays(7);
    public int MaxPendingPerAddress { get; set; } = 5;
    /// <summary>Mails the form may send one address per hour (confirmations and "already following"
    /// notes), counted in the database: for all nodes together.</summary>
    public int RequestsPerAddressPerHour { get; set; } = 5;
    /// <summary>The same over a day: five an hour, every hour, would still be 120 unwanted mails a day.</summary>
    public int RequestsPerAddressPerDay { get; set; } = 10;
    /// <summary>Subscription requests per client address per 10 minutes (per node): wide enough for a class of participants
    /// who follow a topic or two together on one Wi-Fi (one address to the portal), narrow enough to stop a script.</summary>
    public int RequestsPerClientPer10Minutes { get; set; } = 60;
}
