using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Alerts;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// Tells translators, by mail, that a Dutch text they translated changed (a notification of <see cref="DutchChangeStep"/>): every
/// enabled translator account that has the mail on and translates into a language with a published translation of that text.
/// The mail names the change note, the changed parts, and a link to each outdated translation in the back office; it says
/// where to switch the mail off. Participants meanwhile read the "older than the Dutch text" notice, so the sooner the better.
/// </summary>
public sealed class DutchChangeMail(JasDbContext db, CultureCatalog cultures, AlertMail mail, PublicOrigin origin) : IAlertAudience
{
    public const string Topic = "vertalers";
    public const string SettingPath = "/beheer/vertalingen#mail";

    private const string ItemPrefix = "/beheer/inhoud/";

    public static string ItemPath(Guid id) => ItemPrefix + id;

    string IAlertAudience.Topic => Topic;

    public async Task<IReadOnlyList<string>> RecipientsAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var translated = await TranslationsAsync(notification, cancellationToken);
        if (translated.Count == 0) return [];
        return (await TranslatorsAsync(cancellationToken))
            .Where(t => translated.Any(c => t.Languages.Count == 0 || t.Languages.Contains(c.Culture)))
            .Select(t => t.Email).ToList();
    }

    public async Task<MimeMessage?> MailAsync(string email, AlertNotification notification, CancellationToken cancellationToken)
    {
        // Read again when sending: an account disabled or a language taken away since the fan-out gets nothing.
        var translator = (await TranslatorsAsync(cancellationToken, email)).FirstOrDefault();
        if (translator is null) return null;
        var theirs = (await TranslationsAsync(notification, cancellationToken))
            .Where(c => translator.Languages.Count == 0 || translator.Languages.Contains(c.Culture)).ToList();
        if (theirs.Count == 0) return null;
        return mail.Staff(email, $"Nederlandse tekst veranderd: {notification.Title}", body =>
        {
            body.Paragraph($"De Nederlandse tekst \"{notification.Title}\" heeft een nieuwe versie met een grote wijziging. "
                + "Uw vertaling is daardoor verouderd: bezoekers lezen erboven dat de Nederlandse tekst nieuwer is.");
            if (!string.IsNullOrWhiteSpace(notification.ChangeNote)) body.Paragraph($"Wat veranderde er: {notification.ChangeNote}");
            if (notification.Changes is { } changes)
            {
                body.Paragraph("Veranderde delen:");
                body.List(changes.Split('\n'));
            }
            foreach (var (culture, id) in theirs)
                body.Link($"Werk de vertaling bij: {cultures.Find(culture)?.NativeName ?? culture} ({culture})", origin.Value + DutchChangeMail.ItemPath(id));
            body.Rule();
            body.Paragraph("U krijgt dit bericht omdat u vertaler bent voor het portaal.");
            body.Link("Dit bericht uitzetten", origin.Value + SettingPath);
        });
    }

    private sealed record Translator(string Email, IReadOnlyList<string> Languages);

    /// <param name="email">Only this account (the one a mail is written for).</param>
    private async Task<List<Translator>> TranslatorsAsync(CancellationToken cancellationToken, string? email = null)
    {
        var role = await db.Roles.Where(r => r.Name == PortalRoles.Translator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (role is null) return [];
        var accounts = await db.Users.AsNoTracking()
            .Where(u => !u.Disabled && u.DutchChangeMail && u.Email != null && u.InvitationHash == null
                && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == role)
                && (email == null || u.NormalizedEmail == email.ToUpperInvariant()))
            .Select(u => new { u.Email, u.Languages }).ToListAsync(cancellationToken);
        // An address the mail library cannot read is nobody to write to.
        return accounts.Where(a => MailboxAddress.TryParse(a.Email!, out _))
            .Select(a => new Translator(a.Email!, TranslatorLanguages.Of(a.Languages))).ToList();
    }

    /// <summary>The published translations of the notification's Dutch item: their language and their item.</summary>
    private async Task<List<(string Culture, Guid Id)>> TranslationsAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        if (!notification.Path.StartsWith(ItemPrefix, StringComparison.Ordinal)
            || !Guid.TryParse(notification.Path.AsSpan(ItemPrefix.Length), out var dutchId)) return [];
        var set = await db.ContentItems.AsNoTracking().Where(i => i.Id == dutchId).Select(i => i.LocalizationSet).FirstOrDefaultAsync(cancellationToken);
        if (set is null) return [];
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.LocalizationSet == set && i.Culture != cultures.Default.Code && i.Versions.Any(v => v.State == VersionState.Published))
            .Select(i => new { i.Culture, i.Id }).ToListAsync(cancellationToken);
        var order = cultures.All.Select(c => c.Code).ToList();
        return items.OrderBy(i => order.IndexOf(i.Culture)).Select(i => (i.Culture, i.Id)).ToList();
    }
}
