using JasKnowledge.Web.Hosting.Localization;
using System.Globalization;
using System.Net;
using System.Text;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Alerts;
using JasKnowledge.Theme;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>
/// Writes the mails in the subscriber's language: plain text plus simple HTML with <c>lang</c>,
/// <c>dir="rtl"</c> where the language is written right to left, and the script's font stack. Every
/// mail after the confirmation carries a one-click unsubscribe (RFC 8058) and the link to manage or
/// delete all of the address's subscriptions.
/// </summary>
public sealed class AlertMail(
    IStringLocalizer<Ui> text, CultureCatalog cultures, PublicOrigin origin, AlertLinks links, IOptions<AlertOptions> options)
{
    /// <param name="Title">What is followed, as the page named it.</param>
    public MimeMessage Confirmation(string email, string culture, string title, string token) => In(culture, language =>
    {
        var url = origin.Value + AlertLinks.ConfirmPath(language.Code, token);
        var body = new Body(language);
        body.Paragraph(text["AlertsMailConfirmBody", title]);
        body.Link(text["AlertsMailConfirmLink"], url);
        body.Paragraph(text["AlertsMailConfirmIgnore"]);
        return Message(email, text["AlertsMailConfirmSubject", title], body, null);
    });

    /// <summary>Sent instead of a confirmation when the address already follows it: only the mailbox's
    /// owner learns that, never the person at the form.</summary>
    public MimeMessage AlreadyFollowing(string email, string culture, string title) => In(culture, language =>
    {
        var body = new Body(language);
        body.Paragraph(text["AlertsMailAlready", title]);
        body.Link(text["AlertsManageLink"], origin.Value + links.ManagePath(language.Code, email));
        return Message(email, text["AlertsMailConfirmSubject", title], body, null);
    });

    public MimeMessage Alert(AlertDelivery delivery, AlertNotification notification) => In(delivery.Culture, language =>
    {
        var body = new Body(language);
        Describe(body, notification);
        var unsubscribe = origin.Value + links.UnsubscribePath(language.Code, delivery.SubscriptionId!.Value);
        Footer(body, delivery.Email, language, unsubscribe);
        return Message(delivery.Email, text["AlertsMailNewVersion", notification.Title], body, unsubscribe);
    });

    public MimeMessage Digest(string email, string culture, IReadOnlyList<AlertNotification> notifications) => In(culture, language =>
    {
        var body = new Body(language);
        body.Paragraph(text["AlertsMailDigestIntro"]);
        foreach (var notification in notifications) Describe(body, notification);
        var unsubscribe = origin.Value + links.UnsubscribeDigestPath(language.Code, email);
        Footer(body, email, language, unsubscribe);
        return Message(email, text["AlertsMailDigestSubject", notifications.Count], body, unsubscribe);
    });

    /// <summary>A mail to staff, in the back office's language, without a mailing list's unsubscribe header: they switch it off
    /// in the back office, and <paramref name="write"/> says where.</summary>
    public MimeMessage Staff(string email, string subject, Action<Body> write) => In(cultures.Default.Code, language =>
    {
        var body = new Body(language);
        write(body);
        return Message(email, subject, body, null);
    });

    private void Describe(Body body, AlertNotification notification)
    {
        body.Heading(notification.Title);
        if (!string.IsNullOrWhiteSpace(notification.ChangeNote))
        {
            body.Paragraph(text["AlertsMailChangeNote"]);
            body.Paragraph(notification.ChangeNote);
        }
        if (notification.Changes is { } changes)
        {
            body.Paragraph(text["AlertsMailChangedChapters"]);
            body.List(changes.Split('\n'));
        }
        body.Link(text["AlertsMailRead"], origin.Value + notification.Path);
    }

    private void Footer(Body body, string email, CultureDefinition language, string unsubscribe)
    {
        body.Rule();
        body.Link(text["AlertsUnsubscribeButton"], unsubscribe);
        body.Link(text["AlertsManageLink"], origin.Value + links.ManagePath(language.Code, email));
    }

    private MimeMessage Message(string email, string subject, Body body, string? unsubscribe)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        if (unsubscribe is not null)
        {
            // RFC 2369 and RFC 8058: mail programs offer "unsubscribe" and POST to it without a visit.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { TextBody = body.Text(), HtmlBody = body.Html(subject) }.ToMessageBody();
        return message;
    }

    /// <summary>Strings are looked up in the subscriber's language, not the request's (the sender has none).</summary>
    private MimeMessage In(string culture, Func<CultureDefinition, MimeMessage> write)
    {
        var language = cultures.Find(culture) ?? cultures.Default;
        using var texts = new TextsIn(cultures, language.Code);
        return write(language);
    }

    /// <summary>The same content as plain text and as simple HTML.</summary>
    public sealed class Body(CultureDefinition language)
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public void Heading(string value)
        {
            _text.AppendLine(value).AppendLine(new string('=', Math.Min(60, value.Length))).AppendLine();
            _html.Append("<h2>").Append(E(value)).AppendLine("</h2>");
        }

        public void Paragraph(string value)
        {
            _text.AppendLine(value).AppendLine();
            _html.Append("<p>").Append(E(value).ReplaceLineEndings("<br>")).AppendLine("</p>");
        }

        public void List(IEnumerable<string> items)
        {
            _html.AppendLine("<ul>");
            foreach (var item in items)
            {
                _text.Append("- ").AppendLine(item);
                _html.Append("<li>").Append(E(item)).AppendLine("</li>");
            }
            _html.AppendLine("</ul>");
            _text.AppendLine();
        }

        public void Link(string label, string url)
        {
            _text.Append(label).Append(": ").AppendLine(url).AppendLine();
            _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(label)).AppendLine("</a></p>");
        }

        public void Rule()
        {
            _text.AppendLine("--").AppendLine();
            _html.AppendLine("<hr>");
        }

        public string Text() => _text.ToString();

        public string Html(string title)
        {
            var direction = language.IsRightToLeft ? "rtl" : "ltr";
            return $"""
                <!DOCTYPE html>
                <html lang="{E(language.Code)}" dir="{direction}">
                <head><meta charset="utf-8"><title>{E(title)}</title></head>
                <body dir="{direction}" style="font-family: {FontStack(language.Script)}; line-height: 1.5; max-width: 40em;">
                {_html}</body>
                </html>
                """;
        }

        private static string E(string value) => WebUtility.HtmlEncode(value);

        /// <summary>Mail programs cannot load the portal's fonts: name the fonts that render the script
        /// well where they are installed, then the system's.</summary>
        private static string FontStack(string script) => script switch
        {
            "Arab" => "'Noto Sans Arabic', 'Segoe UI', Tahoma, 'Geeza Pro', sans-serif",
            "Ethi" => "'Noto Sans Ethiopic', 'Nyala', 'Abyssinica SIL', 'Kefa', sans-serif",
            _ => "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
        };
    }
}
