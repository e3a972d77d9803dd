using JasKnowledge.Data.Alerts;
using MimeKit;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// People who hear of a notification without having subscribed to it: staff, by their role (translators, when a Dutch text they
/// translated changed). The feature that owns the topic says who they are and writes their mail; the alert sender delivers it as
/// it delivers any alert, claimed before sending and never twice.
/// </summary>
public interface IAlertAudience
{
    /// <summary>The notifications' topic this audience hears of; no subscriber can follow it.</summary>
    string Topic { get; }

    /// <summary>The addresses to tell, each once; none when nobody needs to know.</summary>
    Task<IReadOnlyList<string>> RecipientsAsync(AlertNotification notification, CancellationToken cancellationToken);

    /// <summary>The mail to one of them, or null when the notification no longer concerns them (their account was disabled,
    /// their languages changed, they switched the mail off since); then nothing is sent.</summary>
    Task<MimeMessage?> MailAsync(string email, AlertNotification notification, CancellationToken cancellationToken);
}
