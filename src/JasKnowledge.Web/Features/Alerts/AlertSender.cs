using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;
using JasKnowledge.Data.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// Sends alerts in the background, on one node at a time (a NodeLock that never waits: a node without it tries again later). Each round: turn new
/// notifications into deliveries (one per subscribed address, unique), send what is due — the form's
/// answers (confirmations) and a mail per immediate delivery, one digest per address for the weekly
/// ones — and delete unconfirmed subscriptions whose link has expired, and the form's answers once the
/// per-address limit no longer counts them. A delivery is claimed and committed before the SMTP
/// conversation and marked sent after it: a node killed in between leaves a claimed row, which the next
/// sender gives up rather than risk sending it twice. A failure the server reports is tried again with
/// doubling waits.
/// </summary>
public sealed class AlertSender(
    IServiceScopeFactory scopes, Storage storage, IMailDrop drop, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertSender> log)
    : BackgroundService
{
    /// <summary>Digests go out at period ends counted from a Monday morning.</summary>
    private const long LockKey = 0x4A41_5341_4C45_5254; // "JASALERT"
    private static readonly DateTime DigestAnchor = new(2024, 1, 1, 7, 0, 0, DateTimeKind.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IAsyncDisposable? held = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (held is null && (held = await NodeLock.TryAcquireAsync(storage, LockKey, ".alerts-lock", stoppingToken)) is not null)
                        await GiveUpInterruptedAsync(stoppingToken);
                    if (held is not null) await RoundAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be away for a moment (a restart, a fail-over): try again next round.
                    log.LogError(e, "Alert sending round failed");
                }
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (held is not null) await held.DisposeAsync();
        }
    }

    /// <summary>One round of work; public for tests that do not want to wait for the timer.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<AlertMail>();
        var audiences = scope.ServiceProvider.GetServices<IAlertAudience>().ToDictionary(a => a.Topic, StringComparer.Ordinal);
        await FanOutAsync(db, audiences, cancellationToken);
        await SendDueAsync(db, mail, audiences, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AlertSubscriptions.Where(s => s.ConfirmedUtc == null && s.ConfirmationExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);
        var hourAgo = now.AddHours(-1);
        await db.AlertDeliveries.Where(d => d.NotificationId == null && (d.SentUtc != null || d.AbandonedUtc != null) && d.CreatedUtc < hourAgo)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deliveries a dead sender had claimed: it may have handed them to the SMTP server, so
    /// they are never tried again (the promise is "never twice").</summary>
    private async Task GiveUpInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await db.AlertDeliveries.Where(d => d.ClaimedUtc != null && d.SentUtc == null && d.AbandonedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.AbandonedUtc, now).SetProperty(d => d.ConfirmationToken, (string?)null)
                .SetProperty(d => d.LastError, "The sender stopped during sending; not sent again, so that nobody gets it twice."),
                cancellationToken);
        if (count > 0) log.LogWarning("{Count} alert deliveries were interrupted by a stopped sender and are not sent again", count);
    }

    private async Task FanOutAsync(JasDbContext db, IReadOnlyDictionary<string, IAlertAudience> audiences, CancellationToken cancellationToken)
    {
        var notifications = await db.AlertNotifications.Where(n => n.FannedOutUtc == null).OrderBy(n => n.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (audiences.TryGetValue(notification.Topic, out var audience))
            {
                // Staff: no subscription and no digest; the mail is in the back office's language.
                foreach (var email in (await audience.RecipientsAsync(notification, cancellationToken)).Distinct(StringComparer.OrdinalIgnoreCase))
                    db.AlertDeliveries.Add(new AlertDelivery
                    {
                        NotificationId = notification.Id, Email = email, Culture = "nl", DueUtc = now, CreatedUtc = now,
                    });
                notification.FannedOutUtc = now;
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }
            var subscribers = await db.AlertSubscriptions.AsNoTracking()
                .Where(s => s.ConfirmedUtc != null && s.Topic == notification.Topic
                    && (notification.Culture == null || s.Culture == notification.Culture))
                .OrderBy(s => s.CreatedUtc).ToListAsync(cancellationToken);
            foreach (var subscriber in subscribers.DistinctBy(s => s.Email))
                db.AlertDeliveries.Add(new AlertDelivery
                {
                    NotificationId = notification.Id, SubscriptionId = subscriber.Id, Email = subscriber.Email, Culture = subscriber.Culture,
                    Weekly = subscriber.Weekly, DueUtc = subscriber.Weekly ? NextDigest(now) : now, CreatedUtc = now,
                });
            notification.FannedOutUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private DateTime NextDigest(DateTime now)
    {
        var period = options.Value.DigestInterval.Ticks;
        return DigestAnchor.AddTicks(((now - DigestAnchor).Ticks / period + 1) * period);
    }

    private async Task SendDueAsync(
        JasDbContext db, AlertMail mail, IReadOnlyDictionary<string, IAlertAudience> audiences, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.AlertDeliveries
            .Where(d => d.SentUtc == null && d.AbandonedUtc == null && d.ClaimedUtc == null && d.DueUtc <= now)
            .OrderBy(d => d.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return;
        var ids = due.Where(d => d.NotificationId != null).Select(d => d.NotificationId!.Value).Distinct().ToList();
        var notifications = await db.AlertNotifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        // The form's answers and immediate deliveries one mail each; the weekly ones of an address together in one digest.
        var mails = due.Where(d => !d.Weekly).Select(d => (IReadOnlyList<AlertDelivery>)new List<AlertDelivery> { d })
            .Concat(due.Where(d => d.Weekly).GroupBy(d => d.Email).Select(g => (IReadOnlyList<AlertDelivery>)g.ToList()));
        foreach (var group in mails)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = group[0];
            var staff = first.NotificationId is { } id && audiences.TryGetValue(notifications[id].Topic, out var audience) ? audience : null;
            MimeKit.MimeMessage? message;
            try
            {
                message = staff is not null ? await staff.MailAsync(first.Email, notifications[first.NotificationId!.Value], cancellationToken) : first switch
                {
                    { NotificationId: null, ConfirmationToken: { } token } => mail.Confirmation(first.Email, first.Culture, first.Title ?? "", token),
                    { NotificationId: null } => mail.AlreadyFollowing(first.Email, first.Culture, first.Title ?? ""),
                    { Weekly: true } => mail.Digest(first.Email, first.Culture, group.Select(d => notifications[d.NotificationId!.Value]).ToList()),
                    _ => mail.Alert(first, notifications[first.NotificationId!.Value]),
                };
            }
            catch (MimeKit.ParseException e)
            {
                // An address the mail library cannot read (an account's "x@ti..example") is given up with the reason: left due,
                // it failed every round and held up every mail after it (attack of 7 December).
                foreach (var delivery in group)
                {
                    (delivery.AbandonedUtc, delivery.ConfirmationToken) = (clock.GetUtcNow().UtcDateTime, null);
                    delivery.LastError = $"Het adres is niet als e-mailadres te lezen: {e.Message}";
                }
                await db.SaveChangesAsync(CancellationToken.None);
                log.LogWarning(e, "An alert could not be written for its address and is given up");
                continue;
            }
            if (message is null)
            {
                // It no longer concerns them: given up, with the reason, rather than sent.
                first.AbandonedUtc = clock.GetUtcNow().UtcDateTime;
                first.LastError = "Niet meer voor dit adres (account uit, andere talen, of het bericht uitgezet).";
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }
            foreach (var delivery in group)
            {
                delivery.ClaimedUtc = clock.GetUtcNow().UtcDateTime;
                delivery.Attempts++;
            }
            await db.SaveChangesAsync(cancellationToken);
            try
            {
                // Not the stopping token: once the conversation starts it finishes, so the record is true.
                await drop.SendAsync(message, CancellationToken.None);
                foreach (var delivery in group)
                {
                    delivery.SentUtc = clock.GetUtcNow().UtcDateTime;
                    delivery.ConfirmationToken = null; // the link's secret is in the mailbox now, and only there
                }
            }
            catch (Exception e)
            {
                var wait = options.Value.RetryAfter * Math.Pow(2, first.Attempts - 1);
                foreach (var delivery in group)
                {
                    delivery.ClaimedUtc = null;
                    delivery.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                    delivery.DueUtc = clock.GetUtcNow().UtcDateTime + wait;
                    if (delivery.Attempts >= options.Value.MaxAttempts)
                    {
                        delivery.AbandonedUtc = clock.GetUtcNow().UtcDateTime;
                        delivery.ConfirmationToken = null;
                    }
                }
                log.LogWarning(e, "An alert to one address could not be sent (attempt {Attempt})", first.Attempts);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
