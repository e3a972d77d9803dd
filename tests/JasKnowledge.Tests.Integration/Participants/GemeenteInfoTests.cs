using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>A municipality's own information for participants, on both databases: started in the back office at the
/// municipality's address only, public once published, read in the participant's language (or the nearest one it has) with the
/// municipality named as its source, listed on the participants' page and found by search. A municipal editor starts, writes and
/// publishes their own municipality's page and no other item.</summary>
public abstract partial class GemeenteInfoTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const string New = "/beheer/inhoud/nieuw";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, string title, string slug) =>
        await BackOffice.PostFormAsync(client, New, await BackOffice.TokenAsync(client, New),
            [new("Type", "gemeente-info"), new("Title", title), new("Slug", slug), new("Summary", "")]);

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid id, string title, string body)
    {
        var form = await client.GetStringAsync($"/beheer/inhoud/{id}");
        var stamp = WebUtility.HtmlDecode(BaseField().Match(form).Groups[1].Value);
        return await BackOffice.PostFormAsync(client, $"/beheer/inhoud/{id}?handler=Publish", await BackOffice.TokenAsync(client, $"/beheer/inhoud/{id}"),
            [new("Base", stamp), new("Title", title), new("Summary", "Waar je heen gaat en wie je helpt."), new("Body", body),
                new("ChangeNote", "Eerste versie."), new("IsMajor", "true")]);
    }

    private async Task<ContentItem?> FindAsync(string slug)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync($"gemeente-informatie/{slug}", "nl");
    }

    private async Task<int> CountAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JasDbContext>().ContentItems.CountAsync();
    }

    [Fact]
    public async Task An_editor_publishes_a_municipalitys_information_and_participants_read_it_in_their_language_with_its_source()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var visitor = fixture.Factory.CreateClient();

        // The title made into an address is not a municipality's: refused, with the name it ends in offered.
        var fromTitle = await StartAsync(editor, "Informatie van de gemeente Katwijk", "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromTitle.StatusCode);
        Assert.Contains("Bedoelt u katwijk?", WebUtility.HtmlDecode(await fromTitle.Content.ReadAsStringAsync()));

        var made = await StartAsync(editor, "Informatie van de gemeente Katwijk", "katwijk");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var item = (await FindAsync("katwijk"))!;
        Assert.Equal("gemeente-info", item.Type);
        Assert.Null(item.Published);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nl/gemeente/katwijk")).StatusCode);
        Assert.DoesNotContain("/ar/gemeente/katwijk", await visitor.GetStringAsync("/ar/informatie"));

        Assert.Equal(HttpStatusCode.OK,
            (await PublishAsync(editor, item.Id, "Informatie van de gemeente Katwijk", "Het Werkplein Katwijk helpt je met werk en taal.")).StatusCode);

        var dutch = await visitor.GetStringAsync("/nl/gemeente/katwijk");
        Assert.Contains("Het Werkplein Katwijk helpt je met werk en taal.", dutch);
        Assert.Contains("Deze informatie komt van de gemeente <bdi lang=\"nl\" dir=\"ltr\">Katwijk</bdi>.", dutch);

        // Not yet in Arabic: the Dutch text, marked as Dutch, under an Arabic sentence naming its source.
        var arabic = await visitor.GetAsync("/ar/gemeente/katwijk");
        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        var arabicHtml = await arabic.Content.ReadAsStringAsync();
        Assert.Contains("<article class=\"prose\" lang=\"nl\" dir=\"ltr\">", arabicHtml);
        Assert.Contains("<p class=\"local-source\" lang=\"ar\" dir=\"rtl\">هذه المعلومات من بلدية <bdi lang=\"nl\" dir=\"ltr\">Katwijk</bdi>",
            WebUtility.HtmlDecode(arabicHtml));
        // The page can be kept for the way to an appointment without mobile data.
        Assert.Contains("data-offline-page=\"/ar/gemeente/katwijk\"", arabicHtml);

        // Listed for participants in every language, the name isolated as Dutch, with the language it is in until translated.
        var index = WebUtility.HtmlDecode(await visitor.GetStringAsync("/ti/informatie"));
        Assert.Contains("<h2 id=\"gemeente\">", index);
        Assert.Contains("<a href=\"/ti/gemeente/katwijk\"><bdi lang=\"nl\" dir=\"ltr\">Katwijk</bdi></a>", index);
        var entry = index[index.IndexOf("/ti/gemeente/katwijk", StringComparison.Ordinal)..];
        Assert.Contains("card__meta", entry[..entry.IndexOf("</li>", StringComparison.Ordinal)]);

        var search = await visitor.GetFromJsonAsync<JsonElement>("/api/v1/search?q=werkplein%20katwijk&lang=nl");
        Assert.Contains("/nl/gemeente/katwijk",
            search.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nl/gemeente/oegstgeest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nl/gemeente/atlantis")).StatusCode);
    }

    [Theory]
    [InlineData("informatie-van-de-gemeente-bergen-nh", "Bedoelt u bergen-nh?")]
    [InlineData("atlantis", "Geen gemeente van de CBS-lijst heeft dit adres.")]
    [InlineData("leiden-centrum", "Geen gemeente van de CBS-lijst heeft dit adres.")]
    public async Task An_address_that_is_not_a_municipalitys_name_is_refused_and_nothing_is_made(string slug, string expected)
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var before = await CountAsync();
        var response = await StartAsync(editor, "Informatie van een gemeente", slug);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Het adres van informatie van een gemeente is de naam van die gemeente", html);
        Assert.Contains(expected, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_municipal_editor_starts_writes_and_publishes_their_own_municipalitys_information_and_nothing_else()
    {
        var email = await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0546");
        var municipal = await BackOffice.SignedInAsync(Host, email);
        Assert.Contains("Informatie van uw gemeente voor deelnemers", await municipal.GetStringAsync("/beheer"));

        // The form offers their municipality's information only, at its address.
        var form = await municipal.GetStringAsync(New);
        Assert.Contains("value=\"gemeente-info\"", form);
        Assert.DoesNotContain("value=\"info-sheet\"", form);
        Assert.Contains("name=\"Slug\" value=\"leiden\"", form);

        var before = await CountAsync();
        var elsewhere = await StartAsync(municipal, "Informatie van de gemeente Leiderdorp", "leiderdorp");
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("alleen de informatie van uw eigen gemeente, op het adres leiden.", WebUtility.HtmlDecode(await elsewhere.Content.ReadAsStringAsync()));
        Assert.Equal(before, await CountAsync());

        var made = await StartAsync(municipal, "Informatie van de gemeente Leiden", "leiden");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var own = (await FindAsync("leiden"))!;
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(municipal, own.Id, "Informatie van de gemeente Leiden", "Kom naar het Werkplein.")).StatusCode);
        Assert.Contains("Kom naar het Werkplein.", await fixture.Factory.CreateClient().GetStringAsync("/so/gemeente/leiden"));
        Assert.Equal(HttpStatusCode.OK, (await municipal.GetAsync($"/beheer/inhoud/{own.Id}/geschiedenis")).StatusCode);
        using (var scope = Host.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
                .AnyAsync(e => e.Actor == email && e.Action == "content.create" && e.Subject.StartsWith("gemeente-informatie/leiden")));

        // Their list holds their own page only; a sheet and another municipality's page are refused.
        var list = await municipal.GetStringAsync("/beheer/inhoud");
        Assert.Contains($"/beheer/inhoud/{own.Id}", list);
        Assert.DoesNotContain("Je mentor", list);
        ContentItem sheet;
        using (var scope = Host.Services.CreateScope())
            sheet = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-mentor", "nl"))!;
        Assert.Equal(HttpStatusCode.Forbidden, (await municipal.GetAsync($"/beheer/inhoud/{sheet.Id}")).StatusCode);
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(editor, "Informatie van de gemeente Oegstgeest", "oegstgeest")).StatusCode);
        var other = (await FindAsync("oegstgeest"))!;
        Assert.Equal(HttpStatusCode.Forbidden, (await municipal.GetAsync($"/beheer/inhoud/{other.Id}")).StatusCode);
        Assert.DoesNotContain($"/beheer/inhoud/{other.Id}", await municipal.GetStringAsync("/beheer/inhoud"));
    }

    [Fact]
    public async Task A_municipal_editor_sees_their_own_address_in_the_history_and_the_portals_staff_only_as_de_redactie()
    {
        var email = await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0575");
        var municipal = await BackOffice.SignedInAsync(Host, email);
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(municipal, "Informatie van de gemeente Noordwijk", "noordwijk")).StatusCode);
        var page = (await FindAsync("noordwijk"))!;
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(municipal, page.Id, "Informatie van de gemeente Noordwijk", "Kom naar het gemeentehuis.")).StatusCode);
        var editorEmail = await BackOffice.CreateUserAsync(Host, PortalRoles.Editor);
        var editor = await BackOffice.SignedInAsync(Host, editorEmail);
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(editor, page.Id, "Informatie van de gemeente Noordwijk", "Kom naar het gemeentehuis aan de Voorstraat.")).StatusCode);
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync(page.Id))!;
            await store.SaveDraftAsync(item, new VersionText(item.Current!.Title, item.Current.Body + " Open op maandag.", item.Current.Summary,
                item.Current.Fields, "Openingstijd.", false, null), editorEmail);
        }

        var history = WebUtility.HtmlDecode(await municipal.GetStringAsync($"/beheer/inhoud/{page.Id}/geschiedenis"));
        Assert.Contains(email, history, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(editorEmail, history, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>de redactie</td>", history);
        var form = WebUtility.HtmlDecode(await municipal.GetStringAsync($"/beheer/inhoud/{page.Id}"));
        Assert.Contains("door de redactie", form);
        Assert.DoesNotContain(editorEmail, form, StringComparison.OrdinalIgnoreCase);
        // The portal's own staff still see who wrote what.
        Assert.Contains(editorEmail, await editor.GetStringAsync($"/beheer/inhoud/{page.Id}/geschiedenis"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_municipal_editor_is_told_their_own_address_cannot_publish_a_text_too_deeply_nested_and_takes_the_page_offline_in_every_language()
    {
        var municipal = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0547"));
        // The address a title makes names another municipality: their own address is named, no other one suggested.
        var wrong = await StartAsync(municipal, "Informatie van de gemeente Leiden", "");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var told = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("op het adres leiderdorp.", told);
        Assert.DoesNotContain("Bedoelt u", told);

        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(municipal, "Informatie van de gemeente Leiderdorp", "leiderdorp")).StatusCode);
        var dutch = (await FindAsync("leiderdorp"))!;
        // Markdig's depth limit: refused with the reason, nothing published (it had been a 500, or a page failing for every reader).
        var nested = await PublishAsync(municipal, dutch.Id, "Informatie van de gemeente Leiderdorp", new string('[', 128) + "x");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nested.StatusCode);
        Assert.Contains("de opmaak is te diep genest", WebUtility.HtmlDecode(await nested.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.CreateClient().GetAsync("/nl/gemeente/leiderdorp")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(municipal, dutch.Id, "Informatie van de gemeente Leiderdorp", "Kom naar het gemeentehuis.")).StatusCode);
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var arabic = await store.CreateAsync("gemeente-info", "ar", "gemeente-informatie/leiderdorp", "leiderdorp",
                new VersionText("معلومات من بلدية Leiderdorp", "تعال إلى مبنى البلدية.", null, null, "ترجمة.", IsMajor: true), "vertaler@example.nl");
            await store.PublishAsync(arabic, arabic.Draft!.Number, "vertaler@example.nl");
        }
        // A visitor of the node that took the page offline (another node's output cache follows within the watcher's 2 s).
        var visitor = Host.CreateClient();
        Assert.Contains("تعال إلى مبنى البلدية.", await visitor.GetStringAsync("/ar/gemeente/leiderdorp"));

        // The question names the published translation, ticked: pulling a wrong page pulls it in every language.
        var page = $"/beheer/inhoud/{dutch.Id}";
        var asked = await BackOffice.PostFormAsync(municipal, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(municipal, page), []);
        var question = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("name=\"talen\" value=\"ar\" checked", question);
        Assert.Contains("العربية", question);
        var done = await BackOffice.PostFormAsync(municipal, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(municipal, page),
            [new("confirmed", "true"), new("talen", "ar")]);
        Assert.Contains("Offline gehaald, met 1 vertaling(en) (ar)", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nl/gemeente/leiderdorp")).StatusCode);
        using (var scope = Host.Services.CreateScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("gemeente-informatie/leiderdorp", "ar"))!.Published);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/ar/gemeente/leiderdorp")).StatusCode);
        Assert.DoesNotContain("/ar/gemeente/leiderdorp", await visitor.GetStringAsync("/ar/informatie"));
        using (var scope = Host.Services.CreateScope())
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
                .CountAsync(e => e.Action == "content.unpublish" && e.Subject.StartsWith("gemeente-informatie/leiderdorp")));
    }

    [Fact]
    public async Task Only_the_ticked_translations_go_offline_with_the_dutch_text_and_a_translation_taken_offline_names_the_language_shown_instead()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(editor, "Informatie van de gemeente Teylingen", "teylingen")).StatusCode);
        var dutch = (await FindAsync("teylingen"))!;
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(editor, dutch.Id, "Informatie van de gemeente Teylingen", "Kom naar het gemeentehuis.")).StatusCode);
        Guid arabicId, englishId;
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var english = await store.CreateAsync("gemeente-info", "en", "gemeente-informatie/teylingen", "teylingen",
                new VersionText("Information from Teylingen", "Come to the town hall.", null, null, "Translation.", IsMajor: true), "vertaler@example.nl");
            await store.PublishAsync(english, english.Draft!.Number, "vertaler@example.nl");
            var arabic = await store.CreateAsync("gemeente-info", "ar", "gemeente-informatie/teylingen", "teylingen",
                new VersionText("معلومات من بلدية Teylingen", "تعال إلى مبنى البلدية.", null, null, "ترجمة.", IsMajor: true), "vertaler@example.nl");
            await store.PublishAsync(arabic, arabic.Draft!.Number, "vertaler@example.nl");
            (arabicId, englishId) = (arabic.Id, english.Id);
        }

        // A translation asked to go offline says which language its readers get instead: English, the first of Arabic's fallbacks.
        var arabicPage = $"/beheer/inhoud/{arabicId}";
        var asked = WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(
            editor, $"{arabicPage}?handler=Unpublish", await BackOffice.TokenAsync(editor, arabicPage), [])).Content.ReadAsStringAsync());
        Assert.Contains("lezen bezoekers in deze taal dan de tekst in de taal", asked);
        Assert.Contains("<span lang=\"en\" dir=\"ltr\">English</span> (en)", asked);

        // The Dutch text goes with only the ticked English translation; the Arabic one stays, and so does one published meanwhile.
        var page = $"/beheer/inhoud/{dutch.Id}";
        var question = await (await BackOffice.PostFormAsync(editor, $"{page}?handler=Unpublish", await BackOffice.TokenAsync(editor, page), []))
            .Content.ReadAsStringAsync();
        Assert.Contains("name=\"talen\" value=\"en\" checked", question);
        Assert.Contains("name=\"talen\" value=\"ar\" checked", question);
        var done = WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(editor, $"{page}?handler=Unpublish",
            await BackOffice.TokenAsync(editor, page), [new("confirmed", "true"), new("talen", "EN"), new("talen", "xx")])).Content.ReadAsStringAsync());
        Assert.Contains("Offline gehaald in het Nederlands, met 1 vertaling(en) (en): 1 vertaling(en) (ar) staan nog online", done);
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            Assert.Null((await store.FindAsync(dutch.Id))!.Published);
            Assert.Null((await store.FindAsync(englishId))!.Published);
            Assert.NotNull((await store.FindAsync(arabicId))!.Published);
        }
        var visitor = Host.CreateClient();
        Assert.Contains("تعال إلى مبنى البلدية.", await visitor.GetStringAsync("/ar/gemeente/teylingen"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/en/gemeente/teylingen")).StatusCode);

        // The Arabic text now has no other language to fall back on: taking it offline says the page goes.
        var last = WebUtility.HtmlDecode(await (await BackOffice.PostFormAsync(editor, $"{arabicPage}?handler=Unpublish",
            await BackOffice.TokenAsync(editor, arabicPage), [new("confirmed", "true")])).Content.ReadAsStringAsync());
        Assert.Contains("de publieke pagina is in deze taal niet meer te lezen, want er is geen andere taal gepubliceerd", last);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/ar/gemeente/teylingen")).StatusCode);
    }

    [Fact]
    public async Task A_municipal_editor_begins_and_publishes_a_translation_of_their_page_and_a_translator_only_in_their_language()
    {
        var municipal = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0534"));
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(municipal, "Informatie van de gemeente Hillegom", "hillegom")).StatusCode);
        var dutch = (await FindAsync("hillegom"))!;
        var languages = $"/beheer/inhoud/{dutch.Id}/vertalingen";
        // Before the Dutch text is online there is nothing to begin from.
        var early = WebUtility.HtmlDecode(await municipal.GetStringAsync(languages));
        Assert.Contains("Publiceer eerst de Nederlandse tekst", early);
        Assert.DoesNotContain("Vertaling beginnen</button>", early);
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(municipal, dutch.Id, "Informatie van de gemeente Hillegom", "Kom naar het gemeentehuis.")).StatusCode);

        var page = WebUtility.HtmlDecode(await municipal.GetStringAsync(languages));
        Assert.Contains($"href=\"{languages}\"", await municipal.GetStringAsync($"/beheer/inhoud/{dutch.Id}"));
        Assert.Equal(7, Regex.Matches(page, "name=\"taal\" value=\"([a-z]+)\"").Count);
        var begun = await BackOffice.PostFormAsync(municipal, $"{languages}?handler=Start", await BackOffice.TokenAsync(municipal, languages),
            [new("taal", "AR")]);
        Assert.Equal(HttpStatusCode.Redirect, begun.StatusCode);
        ContentItem arabic;
        using (var scope = Host.Services.CreateScope())
            arabic = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("gemeente-informatie/hillegom", "ar"))!;
        Assert.Equal($"/beheer/inhoud/{arabic.Id}", begun.Headers.Location!.OriginalString);
        Assert.Equal(1, arabic.Draft!.SourceVersion);
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(municipal, arabic.Id, "معلومات من بلدية Hillegom", "تعال إلى مبنى البلدية يوم الاثنين.")).StatusCode);
        Assert.Contains("تعال إلى مبنى البلدية يوم الاثنين.", await Host.CreateClient().GetStringAsync("/ar/gemeente/hillegom"));
        var after = WebUtility.HtmlDecode(await municipal.GetStringAsync(languages));
        Assert.Matches(@"<td>online, versie \d+, past bij de Nederlandse tekst</td>", after);
        // The translation's own page leads to the same list.
        Assert.Equal(languages, (await municipal.GetAsync($"/beheer/inhoud/{arabic.Id}/vertalingen")).Headers.Location!.OriginalString);

        // A translator into Tigrinya begins Tigrinya only; another municipality's editor none of it; a bad language is named.
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ti"]));
        var theirs = WebUtility.HtmlDecode(await translator.GetStringAsync(languages));
        Assert.Single(Regex.Matches(theirs, "name=\"taal\" value=\"([a-z]+)\""));
        Assert.Contains("name=\"taal\" value=\"ti\"", theirs);
        var refused = await BackOffice.PostFormAsync(translator, $"{languages}?handler=Start", await BackOffice.TokenAsync(translator, languages),
            [new("taal", "so")]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Vertalen naar Soomaali (so) is niet aan u toegewezen.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var wrong = await BackOffice.PostFormAsync(translator, $"{languages}?handler=Start", await BackOffice.TokenAsync(translator, languages),
            [new("taal", "<nl>")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("'<nl>' is geen taal om naar te vertalen.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var neighbour = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0638"));
        Assert.Equal(HttpStatusCode.Forbidden, (await neighbour.GetAsync(languages)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await BackOffice.PostFormAsync(neighbour, $"{languages}?handler=Start",
            await BackOffice.TokenAsync(neighbour, New), [new("taal", "so")])).StatusCode);
        using (var scope = Host.Services.CreateScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("gemeente-informatie/hillegom", "so"));
    }

    [GeneratedRegex("name=\"Base\" value=\"([^\"]*)\"")]
    private static partial Regex BaseField();
}

public sealed class SqliteGemeenteInfoTests(SqlitePortal fixture) : GemeenteInfoTests<SqlitePortal>(fixture);

public sealed class PostgresGemeenteInfoTests(PostgresPortal fixture) : GemeenteInfoTests<PostgresPortal>(fixture);
