using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>A second reader before a translation goes online (Jas:TranslationsNeedReview), on both databases: a translator's
/// "Publiceren" keeps the text as a draft and says why, editors find it under the open drafts and publish it; the public page
/// changes only then. Without the setting translators publish as before (the other translation tests).</summary>
public abstract partial class TranslationReviewTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(
        fixture.Factory, 1000, builder => builder.UseSetting("Jas:TranslationsNeedReview", "true"));
    private WebApplicationFactory<Program>? _host;

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid id, string body)
    {
        var page = $"/beheer/inhoud/{id}";
        var form = await client.GetStringAsync(page);
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        return await BackOffice.PostFormAsync(client, $"{page}?handler=Publish", await BackOffice.TokenAsync(client, page),
            [new("Base", Field("Base")), new("Title", Field("Title")), new("Summary", Field("Summary")), new("Body", body),
                new("ChangeNote", "Een zin toegevoegd."), new("IsMajor", "true")]);
    }

    [Fact]
    public async Task A_translators_text_waits_as_a_draft_until_an_editor_has_read_and_published_it()
    {
        var translatorEmail = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ar"]);
        var translator = await BackOffice.SignedInAsync(Host, translatorEmail);
        Guid id;
        string before;
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-klantmanager", "ar"))!;
            (id, before) = (item.Id, item.Published!.Body);
        }
        var form = await translator.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.Contains("id=\"second-reader\"", form);
        Assert.DoesNotContain("asp-page-handler=\"Publish\"", form);
        Assert.DoesNotContain("?handler=Publish\"", form);

        const string added = "جملة مضافة للمراجعة.";
        var waits = await PublishAsync(translator, id, before + "\n\n" + added);
        Assert.Equal(HttpStatusCode.OK, waits.StatusCode);
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", WebUtility.HtmlDecode(await waits.Content.ReadAsStringAsync()));
        var visitor = Host.CreateClient();
        Assert.DoesNotContain(added, await visitor.GetStringAsync("/ar/informatie/je-klantmanager"));
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!;
            Assert.Equal(before, item.Published!.Body);
            Assert.EndsWith(added, item.Draft!.Body);
        }

        // The editors' work list names the draft, its language and who wrote it; the editor publishes it as it is.
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var list = WebUtility.HtmlDecode(await editor.GetStringAsync("/beheer/vertalingen"));
        var open = list[list.IndexOf("id=\"open-concepten\"", StringComparison.Ordinal)..];
        open = open[..open.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"/beheer/inhoud/{id}\"", open);
        Assert.Contains($"van {translatorEmail}", open);
        var editorForm = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.DoesNotContain("id=\"second-reader\"", editorForm);
        string draftBody;
        using (var scope = Host.Services.CreateScope())
            draftBody = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Draft!.Body;
        var published = await PublishAsync(editor, id, draftBody);
        Assert.Contains("is gepubliceerd", WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        Assert.Contains(added, await visitor.GetStringAsync("/ar/informatie/je-klantmanager"));
        Assert.DoesNotContain($"href=\"/beheer/inhoud/{id}\"",
            WebUtility.HtmlDecode(await editor.GetStringAsync("/beheer/vertalingen")).Split("id=\"open-concepten\"")[1].Split("</section>")[0]);
        using (var scope = Host.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
                .AnyAsync(e => e.Actor == translatorEmail && e.Action == "content.draft" && e.Subject.StartsWith("informatie/je-klantmanager (ar)")));
    }

    [Fact]
    public async Task A_translator_puts_an_approved_translation_taken_offline_back_unchanged_and_a_changed_one_waits_for_an_editor()
    {
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["so"]));
        Guid id;
        string approved;
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/de-zorgverzekering", "so"))!;
            (id, approved) = (item.Id, item.Published!.Body);
        }
        var page = $"/beheer/inhoud/{id}";
        var visitor = Host.CreateClient();
        async Task TakeOfflineAsync() => Assert.Contains("Offline gehaald", WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(
            translator, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(translator, page), [new("confirmed", "true")])).Content.ReadAsStringAsync()));

        var offline = WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(
            translator, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(translator, page), [new("confirmed", "true")])).Content.ReadAsStringAsync());
        Assert.Contains("met Weer online zetten zet u het ongewijzigd terug", offline);
        Assert.Contains(">Weer online zetten</button>", offline);
        Assert.Contains("notice--fallback", await visitor.GetStringAsync("/so/informatie/de-zorgverzekering"));
        var form = WebUtility.HtmlDecode(await translator.GetStringAsync(page));
        Assert.Contains(">Weer online zetten</button>", form);
        Assert.Contains("id=\"put-back\"", form);

        // The same text goes back at once: an editor let exactly this online before.
        var back = WebUtility.HtmlDecode(await (await PublishAsync(translator, id, approved)).Content.ReadAsStringAsync());
        Assert.Contains("is gepubliceerd", back);
        Assert.DoesNotContain(">Weer online zetten</button>", back);
        Assert.DoesNotContain("notice--fallback", await visitor.GetStringAsync("/so/informatie/de-zorgverzekering"));

        // Changed on the way back, it is a new text: a draft for the editors, and the page stays offline.
        await TakeOfflineAsync();
        const string added = "Weydiin cusub oo aan la akhriyin.";
        var waits = WebUtility.HtmlDecode(await (await PublishAsync(translator, id, approved + "\n\n" + added)).Content.ReadAsStringAsync());
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", waits);
        var after = await visitor.GetStringAsync("/so/informatie/de-zorgverzekering");
        Assert.Contains("notice--fallback", after);
        Assert.DoesNotContain(added, after);
        using (var scope = Host.Services.CreateScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Published);
    }

    [Fact]
    public async Task What_an_editor_took_offline_or_an_older_version_does_not_go_back_online_unread()
    {
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["so"]));
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Guid id;
        string approved;
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-mentor", "so"))!;
            (id, approved) = (item.Id, item.Published!.Body);
        }
        var page = $"/beheer/inhoud/{id}";
        var visitor = Host.CreateClient();

        // An editor takes it offline on purpose: the translator is offered no way back, and the same text waits.
        Assert.Contains("Offline gehaald", WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(
            editor, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(editor, page), [new("confirmed", "true")])).Content.ReadAsStringAsync()));
        Assert.DoesNotContain(">Weer online zetten</button>", await translator.GetStringAsync(page));
        var waits = WebUtility.HtmlDecode(await (await PublishAsync(translator, id, approved)).Content.ReadAsStringAsync());
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", waits);
        Assert.Contains("notice--fallback", await visitor.GetStringAsync("/so/informatie/je-mentor"));

        // The editor corrects it and puts it online; the translator takes it offline and restores the version before the correction:
        // that older text waits too, however it was online once.
        string corrected;
        using (var scope = Host.Services.CreateScope())
            corrected = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Draft!.Body + "\n\nGaar ayaa la saxay.";
        Assert.Contains("is gepubliceerd", WebUtility.HtmlDecode(await (await PublishAsync(editor, id, corrected)).Content.ReadAsStringAsync()));
        Assert.Contains("Offline gehaald", WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(
            translator, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(translator, page), [new("confirmed", "true")])).Content.ReadAsStringAsync()));
        var older = await PublishAsync(translator, id, approved);
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", WebUtility.HtmlDecode(await older.Content.ReadAsStringAsync()));
        Assert.Contains("notice--fallback", await visitor.GetStringAsync("/so/informatie/je-mentor"));
    }

    [Fact]
    public async Task A_municipal_editor_cannot_put_a_translators_text_online_unread_and_a_draft_whose_dutch_text_is_offline_is_still_listed()
    {
        ContentItem dutch, arabic;
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            dutch = await store.CreateAsync("gemeente-info", "nl", "gemeente-informatie/zoeterwoude", "zoeterwoude",
                new VersionText("Informatie van de gemeente Zoeterwoude", "Kom naar het gemeentehuis.", null, null, "Eerste versie.", IsMajor: true),
                "redactie@example.nl");
            await store.PublishAsync(dutch, dutch.Draft!.Number, "redactie@example.nl");
            arabic = await store.CreateAsync("gemeente-info", "ar", "gemeente-informatie/zoeterwoude", "zoeterwoude",
                new VersionText("معلومات من بلدية Zoeterwoude", "تعال إلى مبنى البلدية، بلا مراجعة.", null, null, "ترجمة.", IsMajor: true),
                "vertaler@example.nl");
        }
        var municipal = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0638"));
        Assert.Contains("id=\"second-reader\"", await municipal.GetStringAsync($"/beheer/inhoud/{arabic.Id}"));
        var waits = await PublishAsync(municipal, arabic.Id, "تعال إلى مبنى البلدية، بلا مراجعة.");
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", WebUtility.HtmlDecode(await waits.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("بلا مراجعة", await Host.CreateClient().GetStringAsync("/ar/gemeente/zoeterwoude"));
        // Their own Dutch words they still publish themselves.
        Assert.DoesNotContain("id=\"second-reader\"", await municipal.GetStringAsync($"/beheer/inhoud/{dutch.Id}"));

        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            await store.UnpublishAsync((await store.FindAsync(dutch.Id))!, "redactie@example.nl");
        }
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var open = WebUtility.HtmlDecode(await editor.GetStringAsync("/beheer/vertalingen")).Split("id=\"open-concepten\"")[1].Split("</section>")[0];
        Assert.Contains($"href=\"/beheer/inhoud/{arabic.Id}\"", open);
    }
}

public sealed class SqliteTranslationReviewTests(SqlitePortal fixture) : TranslationReviewTests<SqlitePortal>(fixture);

public sealed class PostgresTranslationReviewTests(PostgresPortal fixture) : TranslationReviewTests<PostgresPortal>(fixture);
