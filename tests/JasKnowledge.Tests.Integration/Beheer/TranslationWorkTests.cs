using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>A translator's work on both databases: a missing translation is started from the Dutch text
/// and records the Dutch version; when the Dutch text moves on, the translation shows as out of date
/// until the translator says it matches the new version.</summary>
public abstract class TranslationWorkTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private async Task<ContentItem?> FindAsync(string set, string culture)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(set, culture);
    }

    private async Task PublishDutchAsync(string body, bool major = false, string? changeNote = null)
    {
        using var scope = Host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = await store.FindAsync("informatie/proefblad", "nl")
            ?? new ContentItem { Type = "info-sheet", Culture = "nl", LocalizationSet = "informatie/proefblad", Slug = "proefblad" };
        await store.PublishNewVersionAsync(
            item, new VersionText("Proefblad", body, Fields: "{\"order\":\"99\"}", ChangeNote: changeNote, IsMajor: major), "test");
    }

    [Fact]
    public async Task A_translator_starts_a_missing_translation_and_brings_an_outdated_one_up_to_date()
    {
        await PublishDutchAsync("Eerste Nederlandse tekst.");
        var first = (await FindAsync("informatie/proefblad", "nl"))!.Published!.Number;
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var status = await translator.GetStringAsync("/beheer/vertalingen");
        Assert.Contains("Vertaling naar العربية beginnen: Proefblad", status);

        var token = await BackOffice.TokenAsync(translator, "/beheer/vertalingen");
        var start = await BackOffice.PostFormAsync(
            translator, "/beheer/vertalingen?handler=Start", token, [new("set", "informatie/proefblad"), new("culture", "ar")]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var arabic = (await FindAsync("informatie/proefblad", "ar"))!;
        Assert.Equal(start.Headers.Location!.OriginalString, $"/beheer/inhoud/{arabic.Id}");
        Assert.Equal(first, arabic.Draft!.SourceVersion);
        Assert.Equal("Eerste Nederlandse tekst.", arabic.Draft.Body);
        Assert.Null(arabic.Published);

        // The translator translates and publishes.
        var editor = await translator.GetStringAsync($"/beheer/inhoud/{arabic.Id}");
        Assert.Contains($"Vertaald van de Nederlandse versie {first}; de Nederlandse tekst is nu versie {first}. De vertaling is actueel.", editor);
        var baseStamp = System.Text.RegularExpressions.Regex.Match(editor, "name=\"Base\" value=\"([^\"]*)\"").Groups[1].Value;
        var editToken = await BackOffice.TokenAsync(translator, $"/beheer/inhoud/{arabic.Id}");
        var published = await BackOffice.PostFormAsync(translator, $"/beheer/inhoud/{arabic.Id}?handler=Publish", editToken,
            [new("Base", WebUtility.HtmlDecode(baseStamp)), new("Title", "ورقة تجريبية"), new("Body", "النص العربي الأول."),
                new("ChangeNote", "ترجمة")]);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains(">actueel</a>", await translator.GetStringAsync("/beheer/vertalingen"));

        // The Dutch text moves on: the Arabic one is out of date until the translator confirms.
        await PublishDutchAsync("Tweede Nederlandse tekst.", major: true, changeNote: "Nieuwe tekst.");
        Assert.Contains($"verouderd (van versie {first})", await translator.GetStringAsync("/beheer/vertalingen"));
        editor = await translator.GetStringAsync($"/beheer/inhoud/{arabic.Id}");
        Assert.Contains("Tweede Nederlandse tekst.", editor);
        Assert.Contains($"Deze vertaling past bij de Nederlandse versie {first + 1}", editor);
        baseStamp = System.Text.RegularExpressions.Regex.Match(editor, "name=\"Base\" value=\"([^\"]*)\"").Groups[1].Value;
        await BackOffice.PostFormAsync(translator, $"/beheer/inhoud/{arabic.Id}?handler=Publish", editToken,
            [new("Base", WebUtility.HtmlDecode(baseStamp)), new("Title", "ورقة تجريبية"),
                new("Body", "النص العربي الثاني."), new("ChangeNote", "تحديث"), new("UpdateToSource", "true")]);
        Assert.Equal(first + 1, (await FindAsync("informatie/proefblad", "ar"))!.Published!.SourceVersion);
        Assert.DoesNotContain($"verouderd (van versie {first})", await translator.GetStringAsync("/beheer/vertalingen"));
    }

    [Fact]
    public async Task A_minor_dutch_edit_keeps_translations_current_and_its_note_a_major_one_outdates_them()
    {
        const string set = "informatie/kleine-wijziging";
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var dutch = new ContentItem { Type = "info-sheet", Culture = "nl", LocalizationSet = set, Slug = "kleine-wijziging" };
            await store.PublishNewVersionAsync(dutch, new VersionText("Kleine wijziging", "De tekst van het blad.", Fields: "{\"order\":\"98\"}",
                ChangeNote: "Eerste versie.", IsMajor: true), "test");
            var arabic = new ContentItem { Type = "info-sheet", Culture = "ar", LocalizationSet = set, Slug = "kleine-wijziging" };
            await store.PublishNewVersionAsync(
                arabic, new VersionText("تغيير صغير", "نص الورقة.", SourceVersion: dutch.Published!.Number), "test");
            // A typo fixed, marked as minor (no "grote wijziging").
            await store.PublishNewVersionAsync(dutch, dutch.Published!.ToText() with
            {
                Body = "De tekst van dit blad.", ChangeNote = "Typfout verbeterd.", IsMajor = false,
            }, "test");
        }
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var row = System.Text.RegularExpressions.Regex.Match(await translator.GetStringAsync("/beheer/vertalingen"),
            "Kleine wijziging.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains(">actueel</a>", row);
        Assert.DoesNotContain("verouderd", row);
        Assert.Equal("Typfout verbeterd.", (await FindAsync(set, "nl"))!.Published!.ChangeNote);
        var anonymous = Host.CreateClient();
        Assert.DoesNotContain("notice--outdated", await anonymous.GetStringAsync("/ar/informatie/kleine-wijziging"));
        var arabicItem = (await FindAsync(set, "ar"))!;
        Assert.Contains("Daarna kwamen alleen kleine wijzigingen: de vertaling is actueel.",
            await translator.GetStringAsync($"/beheer/inhoud/{arabicItem.Id}"));

        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var dutch = (await store.FindAsync(set, "nl"))!;
            await store.PublishNewVersionAsync(dutch, dutch.Published!.ToText() with
            {
                Body = "De tekst van dit blad, met een nieuwe regel over afspraken.", ChangeNote = "Regel over afspraken.", IsMajor = true,
            }, "test");
        }
        row = System.Text.RegularExpressions.Regex.Match(await translator.GetStringAsync("/beheer/vertalingen"),
            "Kleine wijziging.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("verouderd (van versie 1)", row);
        Assert.Contains("notice--outdated", await anonymous.GetStringAsync("/ar/informatie/kleine-wijziging"));
        // The translator sees the Dutch words that changed since version 1, beside the Arabic text.
        var editor = await translator.GetStringAsync($"/beheer/inhoud/{arabicItem.Id}");
        var section = System.Text.RegularExpressions.Regex.Match(editor, "<tr data-changed-section>.*?</tr>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<ins>", section);
        Assert.Contains("afspraken", section);
        Assert.Contains("نص الورقة.", section);
    }

    [Theory]
    [InlineData("informatie/proefblad", "xx")]
    [InlineData("informatie/proefblad", "nl")]
    // The source language in other letters (the attack of 6 December 2026: a translator published a second Dutch text as "NL").
    [InlineData("informatie/proefblad", "NL")]
    [InlineData("informatie/proefblad", "Nl")]
    [InlineData("bestaat/niet", "ar")]
    public async Task A_translation_that_cannot_be_started_says_why(string set, string culture)
    {
        await PublishDutchAsync("Tekst.");
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var token = await BackOffice.TokenAsync(editor, "/beheer/vertalingen");
        var response = await BackOffice.PostFormAsync(editor, "/beheer/vertalingen?handler=Start", token, [new("set", set), new("culture", culture)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("notice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_language_code_in_other_letters_starts_the_translation_in_that_language_as_the_portal_writes_it()
    {
        await PublishDutchAsync("Tekst om te vertalen.");
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var token = await BackOffice.TokenAsync(translator, "/beheer/vertalingen");
        var start = await BackOffice.PostFormAsync(
            translator, "/beheer/vertalingen?handler=Start", token, [new("set", "informatie/proefblad"), new("culture", "UK")]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var ukrainian = (await FindAsync("informatie/proefblad", "uk"))!;
        Assert.Equal($"/beheer/inhoud/{ukrainian.Id}", start.Headers.Location!.OriginalString);
        Assert.Null(await FindAsync("informatie/proefblad", "UK"));
    }

    [Fact]
    public async Task The_store_creates_no_item_in_a_language_the_portal_does_not_write_so()
    {
        using var scope = Host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        foreach (var culture in new[] { "NL", "Ar", "xx" })
        {
            var refused = await Assert.ThrowsAsync<ContentRuleException>(() => store.CreateAsync(
                "info-sheet", culture, "informatie/taalcode-" + culture, "taalcode", new VersionText("Titel", "Tekst."), "test"));
            Assert.Contains("geen taal van dit portaal", refused.Message);
        }
        using var check = Host.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<JasKnowledge.Data.JasDbContext>();
        Assert.False(await db.ContentItems.AnyAsync(i => i.LocalizationSet.StartsWith("informatie/taalcode-")));
    }
}

public sealed class SqliteTranslationWorkTests(SqlitePortal fixture) : TranslationWorkTests<SqlitePortal>(fixture);

public sealed class PostgresTranslationWorkTests(PostgresPortal fixture) : TranslationWorkTests<PostgresPortal>(fixture);
