using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Alerts;

/// <summary>Translators hear by mail, through a real SMTP server, when a major change to a Dutch text makes their translation
/// outdated: only those who translate into a language with a published translation, only for a major change, and not once
/// they switched the mail off on /beheer/vertalingen (audited).</summary>
public abstract class DutchChangeMailTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : AlertsPortal
{
    private const string Page = "/beheer/vertalingen";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private async Task<(ContentItem Dutch, ContentItem Arabic)> SheetWithArabicAsync(string set)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var dutch = new ContentItem { Type = "info-sheet", Culture = "nl", LocalizationSet = set, Slug = set.Split('/')[^1] };
        var first = await store.PublishNewVersionAsync(dutch, new VersionText("Mailproef", "Begin.\n\n## Afspraken\n\nKom op tijd.",
            Fields: "{\"order\":\"98\"}", ChangeNote: "Eerste versie.", IsMajor: true), "test");
        var arabic = new ContentItem { Type = "info-sheet", Culture = "ar", LocalizationSet = set, Slug = dutch.Slug };
        await store.PublishNewVersionAsync(arabic, new VersionText("تجربة", "بداية.\n\n## مواعيد\n\nتعال في الوقت.", SourceVersion: first.Number), "test");
        return (dutch, arabic);
    }

    private async Task PublishDutchAsync(string set, string body, bool major, string note)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = (await store.FindAsync(set, "nl"))!;
        await store.PublishNewVersionAsync(item, item.Published!.ToText() with { Body = body, ChangeNote = note, IsMajor = major }, "test");
    }

    private async Task<List<string>> DeliveredToAsync(string title)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var ids = await db.AlertNotifications.Where(n => n.Topic == DutchChangeMail.Topic && n.Title == title).Select(n => n.Id).ToListAsync();
        return await db.AlertDeliveries.Where(d => d.NotificationId != null && ids.Contains(d.NotificationId.Value)).Select(d => d.Email).ToListAsync();
    }

    [Fact]
    public async Task A_major_dutch_change_mails_the_translators_of_a_translated_language_with_the_change_and_a_link_to_their_translation()
    {
        const string set = "informatie/mailproef";
        var (_, arabic) = await SheetWithArabicAsync(set);
        var arabicTranslator = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ar"]);
        var everyLanguage = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator);
        var somaliTranslator = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["so"]);
        var quiet = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ar"]);
        var editor = await BackOffice.CreateUserAsync(Host, PortalRoles.Editor);
        var quietClient = await BackOffice.SignedInAsync(Host, quiet);
        var off = await BackOffice.PostFormAsync(quietClient, $"{Page}?handler=Mail", await BackOffice.TokenAsync(quietClient, Page), [new("mail", "uit")]);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        await PublishDutchAsync(set, "Begin.\n\n## Afspraken\n\nKom op tijd, en bel als je niet kunt.", major: true, note: "Bellen als je niet kunt.");

        var mail = (await Maildev.WaitForAsync(arabicTranslator, 1))[0];
        Assert.Equal("Nederlandse tekst veranderd: Mailproef", mail.GetProperty("subject").GetString());
        var text = Maildev.Text(mail);
        Assert.Contains("Wat veranderde er: Bellen als je niet kunt.", text);
        Assert.Contains("Veranderde delen:\n\n- Afspraken", text.ReplaceLineEndings("\n"));
        Assert.Matches($"Werk de vertaling bij: العربية \\(ar\\): https?://[^/\\s]+/beheer/inhoud/{arabic.Id}", text);
        Assert.Contains("/beheer/vertalingen#mail", text);
        // A translator of every language hears of the one translation there is.
        var all = Maildev.Text((await Maildev.WaitForAsync(everyLanguage, 1))[0]);
        Assert.Contains("(ar)", all);
        Assert.DoesNotContain("(so)", all);
        // Delivered in the same round: nobody else was on the list.
        var delivered = await DeliveredToAsync("Mailproef");
        Assert.Contains(arabicTranslator, delivered);
        Assert.Contains(everyLanguage, delivered);
        Assert.DoesNotContain(somaliTranslator, delivered);
        Assert.DoesNotContain(quiet, delivered);
        Assert.DoesNotContain(editor, delivered);
    }

    [Fact]
    public async Task An_address_the_mail_library_cannot_read_is_given_up_and_holds_up_nobody_else()
    {
        // The attack of 7 December: an account "x@ti..example" (Identity accepts it) made every sending round fail on its
        // delivery, and every mail after it waited.
        const string set = "informatie/mailproef-adres";
        await SheetWithArabicAsync(set);
        var unreadable = $"x{Guid.NewGuid():N}@ti..example";
        using (var scope = Host.Services.CreateScope())
        {
            var (user, _, problems) = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
                .CreateAsync(unreadable, PortalRoles.Translator, null, BackOffice.Password, ["ar"]);
            Assert.True(user is not null, string.Join("; ", problems.Select(p => p.English)));
            user!.MustChangePassword = false;
            await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().UpdateAsync(user);
        }
        var readable = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ar"]);

        await PublishDutchAsync(set, "Begin.\n\n## Afspraken\n\nKom op tijd en neem je brief mee.", major: true, note: "Brief meenemen.");

        Assert.Contains("Brief meenemen.", Maildev.Text((await Maildev.WaitForAsync(readable, 1))[0]));
        Assert.DoesNotContain(unreadable, await DeliveredToAsync("Mailproef"));
    }

    [Fact]
    public async Task A_minor_dutch_change_or_a_first_publication_tells_no_translator()
    {
        const string set = "informatie/mailproef-klein";
        await SheetWithArabicAsync(set);
        await PublishDutchAsync(set, "Begin.\n\n## Afspraken\n\nKom op tijd!", major: false, note: "Leesteken.");
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var path = DutchChangeMail.ItemPath((await db.ContentItems.SingleAsync(i => i.LocalizationSet == set && i.Culture == "nl")).Id);
        Assert.False(await db.AlertNotifications.AnyAsync(n => n.Topic == DutchChangeMail.Topic && n.Path == path));
    }

    [Fact]
    public async Task A_translator_switches_the_mail_off_and_on_on_the_translations_page_and_each_switch_is_audited()
    {
        var email = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ti"]);
        var client = await BackOffice.SignedInAsync(Host, email);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Page));
        Assert.Contains("<h2 id=\"mail\">Mail als de Nederlandse tekst verandert</h2>", page);
        Assert.Matches("value=\"aan\" checked=\"checked\"", page);

        var off = await BackOffice.PostFormAsync(client, $"{Page}?handler=Mail", await BackOffice.TokenAsync(client, Page), [new("mail", "uit")]);
        var offPage = WebUtility.HtmlDecode(await off.Content.ReadAsStringAsync());
        Assert.Contains("Opgeslagen: u krijgt geen mail meer", offPage);
        Assert.Matches("value=\"uit\" checked=\"checked\"", offPage);

        var nonsense = await BackOffice.PostFormAsync(client, $"{Page}?handler=Mail", await BackOffice.TokenAsync(client, Page), [new("mail", "banaan")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        Assert.Contains("Kies ja of nee", WebUtility.HtmlDecode(await nonsense.Content.ReadAsStringAsync()));

        await BackOffice.PostFormAsync(client, $"{Page}?handler=Mail", await BackOffice.TokenAsync(client, Page), [new("mail", "aan")]);
        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        Assert.Equal(["uit", "aan"], await db.AuditLog.Where(e => e.Action == "account.dutch-change-mail" && e.Subject == email)
            .OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
        Assert.True((await db.Users.SingleAsync(u => u.Email == email)).DutchChangeMail);

        // An editor has no such mail: no form, and a post is refused.
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Assert.DoesNotContain("id=\"mail\"", await editor.GetStringAsync(Page));
        var refused = await BackOffice.PostFormAsync(editor, $"{Page}?handler=Mail", await BackOffice.TokenAsync(editor, Page), [new("mail", "uit")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class SqliteDutchChangeMailTests(SqliteAlertsPortal fixture) : DutchChangeMailTests<SqliteAlertsPortal>(fixture);

public sealed class PostgresDutchChangeMailTests(PostgresAlertsPortal fixture) : DutchChangeMailTests<PostgresAlertsPortal>(fixture);
