using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>A translator's languages on both databases: an agency given Tigrinya begins, imports, edits and publishes
/// Tigrinya only; the other languages it sees but cannot change. An administrator gives and changes the languages,
/// audited; a translator given none keeps every language, as before languages could be given.</summary>
public abstract partial class TranslatorLanguagesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Host { get; } = BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private const string Page = "/beheer/vertalingen";

    [GeneratedRegex("name=\"Base\" value=\"([^\"]*)\"")]
    private static partial Regex BaseStamp();

    /// <summary>A Dutch sheet with a published Arabic translation; no other language yet.</summary>
    private async Task<(ContentItem Dutch, ContentItem Arabic)> SheetAsync(string set)
    {
        using var scope = Host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var dutch = new ContentItem { Type = "info-sheet", Culture = "nl", LocalizationSet = set, Slug = set.Split('/')[1] };
        await store.PublishNewVersionAsync(dutch, new VersionText("Talenproef", "De Nederlandse tekst.", Fields: "{\"order\":\"97\"}",
            ChangeNote: "Eerste versie.", IsMajor: true), "test");
        var arabic = new ContentItem { Type = "info-sheet", Culture = "ar", LocalizationSet = set, Slug = dutch.Slug };
        await store.PublishNewVersionAsync(arabic, new VersionText("اختبار اللغات", "النص العربي.", SourceVersion: dutch.Published!.Number), "test");
        return (dutch, arabic);
    }

    private async Task<ContentItem?> FindAsync(string set, string culture)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(set, culture);
    }

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, string set, string culture) =>
        await BackOffice.PostFormAsync(client, $"{Page}?handler=Start", await BackOffice.TokenAsync(client, Page),
            [new("set", set), new("culture", culture)]);

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid id, string title, string body)
    {
        var editor = await client.GetStringAsync($"/beheer/inhoud/{id}");
        var token = await BackOffice.TokenAsync(client, $"/beheer/inhoud/{id}");
        return await BackOffice.PostFormAsync(client, $"/beheer/inhoud/{id}?handler=Publish", token,
            [new("Base", WebUtility.HtmlDecode(BaseStamp().Match(editor).Groups[1].Value)), new("Title", title), new("Body", body),
                new("ChangeNote", "vertaling")]);
    }

    [Fact]
    public async Task A_translator_given_tigrinya_translates_into_tigrinya_only()
    {
        const string set = "informatie/talenproef";
        var (dutch, arabic) = await SheetAsync(set);
        var translator = await BackOffice.SignedInAsync(
            Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ti"]));

        var status = await translator.GetStringAsync(Page);
        Assert.Contains("U vertaalt naar", status);
        Assert.Contains("<span lang=\"ti\" dir=\"ltr\">ትግርኛ</span> (ti)", status);
        var row = Regex.Match(status, "Talenproef <span class=\"hint\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("name=\"culture\" value=\"ti\"", row);
        Assert.DoesNotContain("name=\"culture\" value=\"so\"", row); // another's language: no button
        Assert.DoesNotContain($"/beheer/inhoud/{arabic.Id}", row); // and no link to edit
        Assert.Contains("actueel", row);
        var importChoices = Regex.Match(status, "<select id=\"xliff-lang\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Equal(["ti"], Regex.Matches(importChoices, "value=\"([^\"]+)\"").Select(m => m.Groups[1].Value));

        // Someone else's language: refused with the reason, nothing made, nothing changed.
        var somali = await StartAsync(translator, set, "so");
        Assert.Equal(HttpStatusCode.Forbidden, somali.StatusCode);
        Assert.Contains("Vertalen naar &#x27;so&#x27; is niet aan u toegewezen; u vertaalt naar &#x27;ti&#x27;.",
            await somali.Content.ReadAsStringAsync());
        Assert.Null(await FindAsync(set, "so"));
        var arabicRefused = await translator.GetAsync($"/beheer/inhoud/{arabic.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, arabicRefused.StatusCode);
        Assert.Contains("Als vertaler werkt u in ti; een vertaling in een andere taal opent u niet.", await arabicRefused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync($"/beheer/inhoud/{arabic.Id}/geschiedenis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync($"/beheer/inhoud/{dutch.Id}")).StatusCode);
        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true"); // reading another language is allowed
        var token = await BackOffice.TokenAsync(translator, Page);
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("AR"), "lang" },
            { new StringContent(export), "file", "vertaling.xlf" },
        })
        {
            var import = await translator.PostAsync($"{Page}?handler=Xliff", form);
            Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
            Assert.Contains("niet aan u toegewezen", await import.Content.ReadAsStringAsync());
        }
        Assert.Equal(arabic.Published!.Number, (await FindAsync(set, "ar"))!.Published!.Number);
        Assert.Null((await FindAsync(set, "ar"))!.Draft);

        // The content list names what the translator cannot edit, without a link to a refusal.
        var list = await translator.GetStringAsync("/beheer/inhoud?taal=ar");
        Assert.Contains("<span lang=\"ar\">اختبار اللغات</span>", list);
        Assert.DoesNotContain($"/beheer/inhoud/{arabic.Id}\"", list);

        // Their own language: begun, edited and published.
        var tigrinya = await StartAsync(translator, set, "ti");
        Assert.Equal(HttpStatusCode.Redirect, tigrinya.StatusCode);
        var item = (await FindAsync(set, "ti"))!;
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(translator, item.Id, "ፈተና ቋንቋታት", "ናይ ትግርኛ ጽሑፍ።")).StatusCode);
        Assert.Equal("ፈተና ቋንቋታት", (await FindAsync(set, "ti"))!.Published!.Title);
    }

    [Fact]
    public async Task A_translator_given_no_languages_translates_into_every_language_but_dutch()
    {
        const string set = "informatie/alle-talen";
        var (dutch, arabic) = await SheetAsync(set);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var status = await translator.GetStringAsync(Page);
        Assert.DoesNotContain("id=\"own-languages\"", status);
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(translator, set, "so")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await translator.GetAsync($"/beheer/inhoud/{arabic.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync($"/beheer/inhoud/{dutch.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_gives_and_changes_a_translators_languages_and_the_log_says_so()
    {
        const string set = "informatie/talen-wisselen";
        var (_, arabic) = await SheetAsync(set);
        var adminEmail = await BackOffice.CreateUserAsync(Host, PortalRoles.Administrator);
        var admin = await BackOffice.SignedInAsync(Host, adminEmail);

        // Invited with two languages, ticked in the form (one written in capitals).
        var email = $"bureau-{Guid.NewGuid():N}@example.nl";
        var inviteToken = await BackOffice.TokenAsync(admin, "/beheer/gebruikers");
        var invited = await BackOffice.PostFormAsync(admin, "/beheer/gebruikers", inviteToken,
            [new("Email", email), new("Role", PortalRoles.Translator), new("Gemeente", ""), new("ByLink", "true"),
                new("Languages", "TI"), new("Languages", "so")]);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains("vertaler: ti, so", await admin.GetStringAsync("/beheer/gebruikers"));
        var id = await UsersTests.IdOfAsync(Host, email);
        Assert.Equal("ti so", await StoredAsync(id));
        var page = await admin.GetStringAsync($"/beheer/gebruikers/{id}");
        Assert.Matches("id=\"language-ti\" name=\"Languages\" value=\"ti\"\\s+checked=\"checked\"", page);
        Assert.DoesNotMatch("id=\"language-ar\" name=\"Languages\" value=\"ar\"\\s+checked", page);

        async Task<HttpResponseMessage> RoleAsync(string role, params string[] languages) =>
            await BackOffice.PostFormAsync(admin, $"/beheer/gebruikers/{id}?handler=Role", await BackOffice.TokenAsync(admin, $"/beheer/gebruikers/{id}"),
                [new("Role", role), new("Gemeente", ""), .. languages.Select(l => new KeyValuePair<string, string>("Languages", l))]);

        // Dutch, or a language the portal does not have, is refused with the choice kept on the form; nothing changes.
        foreach (var wrong in new[] { "nl", "de" })
        {
            var refused = await RoleAsync(PortalRoles.Translator, "ar", wrong);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("geen taal van het portaal om naar te vertalen", html);
            Assert.Matches("id=\"language-ar\" name=\"Languages\" value=\"ar\"\\s+checked=\"checked\"", html);
            Assert.Equal("ti so", await StoredAsync(id));
        }

        // Changed to Arabic: the translator (signing in after the change ended the session) edits Arabic, not Tigrinya.
        Assert.Equal(HttpStatusCode.OK, (await RoleAsync(PortalRoles.Translator, "ar")).StatusCode);
        Assert.Equal("ar", await StoredAsync(id));
        using (var scope = Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            (user.InvitationHash, user.MustChangePassword) = (null, false);
            await users.UpdateAsync(user);
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, BackOffice.Password);
            await BackOffice.EnrolAsync(users, user, BackOffice.AuthenticatorKey);
        }
        var translator = await BackOffice.SignedInAsync(Host, email);
        Assert.Equal(HttpStatusCode.OK, (await translator.GetAsync($"/beheer/inhoud/{arabic.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StartAsync(translator, set, "ti")).StatusCode);

        // Another role drops the languages: an editor is not bound to any.
        Assert.Equal(HttpStatusCode.OK, (await RoleAsync(PortalRoles.Editor, "ar")).StatusCode);
        Assert.Null(await StoredAsync(id));

        using var audit = Host.Services.CreateScope();
        var details = await audit.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
            .Where(a => a.Subject == email && (a.Action == "account.invite" || a.Action == "account.role")).OrderBy(a => a.Id)
            .Select(a => a.Detail).ToListAsync();
        Assert.Equal(
            ["translator (ti so), uitnodigingslink", "translator (ti so) → translator (ar)", "translator (ar) → editor"], details);
    }

    private async Task<string?> StoredAsync(string id)
    {
        using var scope = Host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id))!.Languages;
    }
}

public sealed class SqliteTranslatorLanguagesTests(SqlitePortal fixture) : TranslatorLanguagesTests<SqlitePortal>(fixture);

public sealed class PostgresTranslatorLanguagesTests(PostgresPortal fixture) : TranslatorLanguagesTests<PostgresPortal>(fixture);
