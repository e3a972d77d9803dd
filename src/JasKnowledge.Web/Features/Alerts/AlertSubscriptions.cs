using System.Security.Cryptography;
using System.Text;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data;
using JasKnowledge.Data.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Alerts;

public enum SubscribeOutcome
{
    /// <summary>The same answer whether the address was new, pending or already following.</summary>
    CheckYourMail,
    BadAddress,
    UnknownTopic,
    TooManyPending,
    TooManyRequests,
}

/// <summary>A subscription as the manage page lists it.</summary>
public sealed record FollowedTopic(Guid Id, string Title, string Culture, bool Weekly, bool Confirmed);

/// <summary>
/// Subscribing (double opt-in), confirming, unsubscribing and managing. Each method is one unit of work
/// on the context. The form's answer by mail (the confirmation, or the note that the address already
/// follows it) is a row in the alerts' outbox, written in the request's transaction; the background
/// sender delivers it, so the request never waits for a mail server.
/// </summary>
public sealed class AlertSubscriptions(
    JasDbContext db, AlertTopics topics, IOptions<AlertOptions> options, IStringLocalizer<Ui> text, TimeProvider clock)
{
    public async Task<SubscribeOutcome> SubscribeAsync(string? email, string? topic, string culture, bool weekly, CancellationToken cancellationToken)
    {
        if (AlertAddress.Normalize(email) is not { } address) return SubscribeOutcome.BadAddress;
        if (topic is null || await TitleAsync(topic, culture, cancellationToken) is not { } title) return SubscribeOutcome.UnknownTopic;

        // The limits are counted and the request written in one serializable transaction, so that a burst of
        // requests for one address at once cannot all pass the count before any is written (found by the
        // attack of 5 December 2026: 16 at once queued up to 10 mails against a limit of 5). PostgreSQL
        // refuses those it cannot put in order; they are tried again, and after three tries counted as too many.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
                var outcome = await WriteRequestAsync(address, topic, culture, weekly, title, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return outcome;
            }
            catch (Exception e) when (DatabaseConflicts.IsUniqueViolation(e))
            {
                // A double click: the other request made this subscription and its mail at the same moment.
                return SubscribeOutcome.CheckYourMail;
            }
            catch (Exception e) when (DatabaseConflicts.IsConflict(e))
            {
                db.ChangeTracker.Clear();
                if (attempt == 3) return SubscribeOutcome.TooManyRequests;
            }
        }
    }

    private async Task<SubscribeOutcome> WriteRequestAsync(
        string address, string topic, string culture, bool weekly, string title, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One address cannot be flooded with mails by someone else: its answers of the last hour,
        // counted in the database, so the limit holds for all nodes together.
        var answers = db.AlertDeliveries.Where(d => d.NotificationId == null && d.Email == address);
        if (await answers.CountAsync(d => d.CreatedUtc > now.AddHours(-1), cancellationToken) >= options.Value.RequestsPerAddressPerHour
            || await answers.CountAsync(d => d.CreatedUtc > now.AddDays(-1), cancellationToken) >= options.Value.RequestsPerAddressPerDay)
            return SubscribeOutcome.TooManyRequests;

        var existing = await db.AlertSubscriptions.SingleOrDefaultAsync(
            s => s.Email == address && s.Topic == topic && s.Culture == culture, cancellationToken);
        string? token = null;
        if (existing is not { ConfirmedUtc: not null })
        {
            if (existing is null)
            {
                var pending = await db.AlertSubscriptions.CountAsync(s => s.Email == address && s.ConfirmedUtc == null, cancellationToken);
                if (pending >= options.Value.MaxPendingPerAddress) return SubscribeOutcome.TooManyPending;
                existing = new AlertSubscription { Email = address, Topic = topic, Culture = culture, CreatedUtc = now };
                db.AlertSubscriptions.Add(existing);
            }
            // A new request makes a new link; the old one stops working.
            token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            existing.ConfirmationHash = Hash(token);
            existing.ConfirmationExpiresUtc = now + options.Value.ConfirmationValidFor;
            existing.Weekly = weekly;
        }
        // Already following: only the mailbox's owner learns that (a note instead of a confirmation).
        db.AlertDeliveries.Add(new AlertDelivery
        {
            SubscriptionId = existing.Id, Email = address, Culture = culture, Title = title, ConfirmationToken = token,
            DueUtc = now, CreatedUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return SubscribeOutcome.CheckYourMail;
    }

    /// <summary>What an unused, unexpired confirmation link would confirm, without confirming it: the page the
    /// link opens asks first, because mail scanners open links by themselves.</summary>
    public async Task<string?> PendingTitleAsync(string? token, CancellationToken cancellationToken) =>
        await OpenConfirmationAsync(token, cancellationToken) is { } subscription
            ? await TitleAsync(subscription.Topic, subscription.Culture, cancellationToken) ?? subscription.Topic
            : null;

    /// <summary>The subscription an unused confirmation link belongs to, while the link is valid.</summary>
    private async Task<AlertSubscription?> OpenConfirmationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var hash = Hash(token);
        var subscription = await db.AlertSubscriptions.SingleOrDefaultAsync(s => s.ConfirmationHash == hash, cancellationToken);
        return subscription is null || subscription.ConfirmationExpiresUtc < clock.GetUtcNow().UtcDateTime ? null : subscription;
    }

    /// <summary>Follows the link in a confirmation mail: once, within its time.</summary>
    /// <returns>The confirmed subscription's title and address, or null for an unknown, used or expired link.</returns>
    public async Task<(string Title, string Email)?> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (await OpenConfirmationAsync(token, cancellationToken) is not { } subscription) return null;
        subscription.ConfirmedUtc ??= clock.GetUtcNow().UtcDateTime;
        subscription.ConfirmationHash = null;
        subscription.ConfirmationExpiresUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return (await TitleAsync(subscription.Topic, subscription.Culture, cancellationToken) ?? subscription.Topic, subscription.Email);
    }

    /// <summary>Ends one subscription, or every weekly one of an address. Doing it twice is not an error.</summary>
    public async Task UnsubscribeAsync(Guid? subscription, string? weeklyOf, CancellationToken cancellationToken)
    {
        var query = subscription is { } id
            ? db.AlertSubscriptions.Where(s => s.Id == id)
            : db.AlertSubscriptions.Where(s => s.Email == weeklyOf && s.Weekly);
        await query.ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FollowedTopic>> ListAsync(string email, CancellationToken cancellationToken)
    {
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Email == email).OrderBy(s => s.CreatedUtc)
            .ToListAsync(cancellationToken);
        var list = new List<FollowedTopic>();
        foreach (var s in subscriptions)
            list.Add(new FollowedTopic(
                s.Id, await TitleAsync(s.Topic, s.Culture, cancellationToken) ?? s.Topic, s.Culture, s.Weekly, s.ConfirmedUtc is not null));
        return list;
    }

    /// <summary>Deletes one of the address's subscriptions, or (null) all of them with their records.</summary>
    public Task DeleteAsync(string email, Guid? subscription, CancellationToken cancellationToken) =>
        db.AlertSubscriptions.Where(s => s.Email == email && (subscription == null || s.Id == subscription)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>What the topic is called (a shared topic in the request's language, an item in
    /// <paramref name="culture"/> where it exists); null when it cannot be followed.</summary>
    public async Task<string?> TitleAsync(string topic, string culture, CancellationToken cancellationToken)
    {
        if (topics.IsShared(topic))
        {
            var label = text[AlertTopics.LabelKey(topic)];
            return label.ResourceNotFound ? topic : label.Value;
        }
        // PostgreSQL text cannot hold NUL: such a topic is none, rather than a failing query.
        if (FollowForm.LocalizationSetOf(topic) is not { } set || set.Contains('\0')) return null;
        var versions = await db.ContentItems.AsNoTracking().Where(i => i.LocalizationSet == set)
            .SelectMany(i => i.Versions.Where(v => v.State == VersionState.Published), (i, v) => new { i.Type, i.Culture, v.Title })
            .ToListAsync(cancellationToken);
        var followed = versions.Where(v => topics.IsFollowedType(v.Type)).ToList();
        return followed.FirstOrDefault(v => v.Culture == culture)?.Title ?? followed.FirstOrDefault()?.Title;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
