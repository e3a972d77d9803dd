using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>An editor starts a new information sheet in the back office, on both databases: a Dutch draft at an address made
/// from its title, opened in the editor, public only once published, and then last in the participants' list. An address in
/// use, a bad address, an unknown type and a role that may not create are each refused with a message, and nothing is made.
/// A municipality's information for participants: <see cref="Participants.GemeenteInfoTests{TFixture}"/>.</summary>
public abstract partial class NewItemTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const string Page = "/beheer/inhoud/nieuw";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string title, string slug = "", string type = "info-sheet") =>
        await BackOffice.PostFormAsync(client, Page, await BackOffice.TokenAsync(client, Page),
            [new("Type", type), new("Title", title), new("Slug", slug), new("Summary", "")]);

    private async Task<int> CountAsync(string set)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JasDbContext>().ContentItems.CountAsync(i => i.LocalizationSet == set);
    }

    [Fact]
    public async Task An_editor_starts_a_sheet_writes_it_and_publishes_it_and_participants_find_it_after_the_others()
    {
        var email = await BackOffice.CreateUserAsync(Host, PortalRoles.Editor);
        var editor = await BackOffice.SignedInAsync(Host, email);
        Assert.Contains("href=\"/beheer/inhoud/nieuw\"", await editor.GetStringAsync("/beheer/inhoud"));

        var made = await CreateAsync(editor, "Je huisarts & de apotheek");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        ContentItem item;
        using (var scope = Host.Services.CreateScope())
        {
            item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-huisarts-de-apotheek", "nl"))!;
            Assert.Equal("info-sheet", item.Type);
            Assert.Equal("je-huisarts-de-apotheek", item.Slug);
            Assert.Null(item.Published);
            Assert.Equal("Je huisarts & de apotheek", item.Draft!.Title);
            Assert.True(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
                .AnyAsync(e => e.Actor == email && e.Action == "content.create" && e.Subject.StartsWith("informatie/je-huisarts-de-apotheek")));
        }
        Assert.Equal($"/beheer/inhoud/{item.Id}", made.Headers.Location!.OriginalString);
        var visitor = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nl/informatie/je-huisarts-de-apotheek")).StatusCode);

        var form = await editor.GetStringAsync($"/beheer/inhoud/{item.Id}");
        var stamp = WebUtility.HtmlDecode(BaseField().Match(form).Groups[1].Value);
        var published = await BackOffice.PostFormAsync(editor, $"/beheer/inhoud/{item.Id}?handler=Publish",
            await BackOffice.TokenAsync(editor, $"/beheer/inhoud/{item.Id}"),
            [new("Base", stamp), new("Title", "Je huisarts en de apotheek"), new("Summary", "Wat een huisarts doet."),
                new("Body", "Een huisarts helpt je als je ziek bent."), new("ChangeNote", "Eerste versie."), new("IsMajor", "true")]);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        Assert.Contains("Een huisarts helpt je als je ziek bent.", await visitor.GetStringAsync("/nl/informatie/je-huisarts-de-apotheek"));
        var index = await visitor.GetStringAsync("/nl/informatie");
        var sheets = index[index.IndexOf("id=\"sheets\"", StringComparison.Ordinal)..];
        Assert.True(sheets.IndexOf("Je mentor", StringComparison.Ordinal) < sheets.IndexOf("Je huisarts en de apotheek", StringComparison.Ordinal),
            "A sheet without a place in the list comes after the others.");
    }

    [Fact]
    public async Task An_address_in_use_is_refused_with_a_link_to_the_item_that_has_it()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var response = await CreateAsync(editor, "Mentor", "je-mentor");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Er is al een item met dit adres", html);
        Assert.Matches("<a href=\"/beheer/inhoud/[0-9a-f-]{36}\">Open \"Je mentor\"</a>", html);
        Assert.Equal(8, await CountAsync("informatie/je-mentor"));
    }

    [Theory]
    [InlineData("Je huisarts", "Je Huisarts!", "info-sheet", "Een adres heeft alleen kleine letters")]
    [InlineData("Je huisarts", "-je-huisarts", "info-sheet", "Een adres heeft alleen kleine letters")]
    [InlineData("طبيب العائلة", "", "info-sheet", "Uit deze titel is geen adres te maken")]
    [InlineData("  ", "je-huisarts-leeg", "info-sheet", "Geef het item een titel.")]
    [InlineData("Leiden", "leiden-nieuw", "gemeente", "Kies een soort uit de lijst.")]
    [InlineData("Sessie 10", "sessie-10", "handbook-chapter", "Kies een soort uit de lijst.")]
    [InlineData("Twee\nregels", "twee-regels", "info-sheet", "Titel: één regel")]
    public async Task What_cannot_become_an_item_is_refused_with_the_reason_and_the_form_keeps_what_was_typed(
        string title, string slug, string type, string expected)
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var before = await AllCountAsync();
        var response = await CreateAsync(editor, title, slug, type);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(before, await AllCountAsync());
    }

    [Fact]
    public async Task Translators_cannot_start_items_and_a_municipal_editor_no_sheet()
    {
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        Assert.Equal(HttpStatusCode.Forbidden, (await translator.GetAsync(Page)).StatusCode);
        Assert.DoesNotContain("/beheer/inhoud/nieuw", await translator.GetStringAsync("/beheer/inhoud"));
        var token = await BackOffice.TokenAsync(translator, "/beheer/inhoud");
        var posted = await BackOffice.PostFormAsync(translator, Page, token, [new("Type", "info-sheet"), new("Title", "Vertalersblad")]);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var municipal = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.MunicipalEditor, gemeente: "0546"));
        // Their municipality's information is the only type they are offered; a sheet is not among them.
        var form = await municipal.GetStringAsync(Page);
        Assert.DoesNotContain("value=\"info-sheet\"", form);
        var sheet = await BackOffice.PostFormAsync(municipal, Page, await BackOffice.TokenAsync(municipal, Page),
            [new("Type", "info-sheet"), new("Title", "Gemeenteblad"), new("Slug", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sheet.StatusCode);
        Assert.Contains("Kies een soort uit de lijst.", WebUtility.HtmlDecode(await sheet.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync("informatie/vertalersblad"));
        Assert.Equal(0, await CountAsync("informatie/gemeenteblad"));
    }

    [Fact]
    public async Task An_editor_gives_a_new_sheet_its_place_and_sessions_and_participants_and_trainers_find_it_there()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(editor, "De bibliotheek")).StatusCode);
        Guid id;
        using (var scope = Host.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/de-bibliotheek", "nl"))!.Id;
        var page = $"/beheer/inhoud/{id}";
        Assert.Contains("<legend>Eigenschappen</legend>", await editor.GetStringAsync(page));

        async Task<HttpResponseMessage> PublishAsync(string order, string sessions)
        {
            var form = await editor.GetStringAsync(page);
            return await BackOffice.PostFormAsync(editor, $"{page}?handler=Publish", await BackOffice.TokenAsync(editor, page),
                [new("Base", WebUtility.HtmlDecode(BaseField().Match(form).Groups[1].Value)), new("Title", "De bibliotheek"), new("Summary", ""),
                    new("Body", "In de bibliotheek lees je gratis kranten."), new("ChangeNote", "Eerste versie."), new("IsMajor", "true"),
                    new("TypeFields[order]", order), new("TypeFields[sessions]", sessions)]);
        }

        // Boxes that cannot be kept are refused with the field named, and nothing is saved.
        foreach (var (order, sessions, expected) in new[]
        {
            ("twee", "", "Plaats in de lijst voor deelnemers: een heel getal van 1 tot 9999"),
            ("0", "", "Plaats in de lijst voor deelnemers: een heel getal"),
            ("1", "sessie-99-bestaat-niet", "Sessies van het handboek: er is geen item met het adres 'sessie-99-bestaat-niet'."),
            ("1", "Sessie 8", "'Sessie 8' is geen adres"),
            ("1", "sessie-8-samenleven-en-buren\nsessie-8-samenleven-en-buren", "een adres staat er twee keer in."),
        })
        {
            var refused = await PublishAsync(order, sessions);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains(expected, html);
            Assert.Contains("aria-invalid=\"true\"", html);
        }
        using (var scope = Host.Services.CreateScope())
            Assert.Null((await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Published);

        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(" 1 ", "sessie-8-samenleven-en-buren\n")).StatusCode);
        using (var scope = Host.Services.CreateScope())
            Assert.Equal("""{"order":"1","sessions":["sessie-8-samenleven-en-buren"]}""",
                (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Published!.Fields);
        var visitor = Host.CreateClient();
        var index = await visitor.GetStringAsync("/nl/informatie");
        var sheets = index[index.IndexOf("id=\"sheets\"", StringComparison.Ordinal)..];
        Assert.True(sheets.IndexOf("De bibliotheek", StringComparison.Ordinal) < sheets.IndexOf("Je mentor", StringComparison.Ordinal),
            "A sheet given place 1 comes before one with place 6.");
        Assert.Contains("De bibliotheek", await visitor.GetStringAsync("/nl/handboek/sessie-8-samenleven-en-buren/sessie"));

        // The same boxes sent back are no new version; a translation has none (it takes them from the Dutch text).
        var again = await PublishAsync("1", "sessie-8-samenleven-en-buren");
        Assert.Contains("De tekst is dezelfde als die van de gepubliceerde versie", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        using (var scope = Host.Services.CreateScope())
        {
            var arabic = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-mentor", "ar"))!;
            Assert.DoesNotContain("Eigenschappen", await editor.GetStringAsync($"/beheer/inhoud/{arabic.Id}"));
        }
    }

    private async Task<int> AllCountAsync()
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JasDbContext>().ContentItems.CountAsync();
    }

    [GeneratedRegex("name=\"Base\" value=\"([^\"]*)\"")]
    private static partial Regex BaseField();
}

public sealed class SqliteNewItemTests(SqlitePortal fixture) : NewItemTests<SqlitePortal>(fixture);

public sealed class PostgresNewItemTests(PostgresPortal fixture) : NewItemTests<PostgresPortal>(fixture);
