using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Translations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>The shipped glossary on both databases: a page per language for participants, in the sitemap
/// and linked from the participants' index; terms in the XLIFF notes and the translator's editor; and
/// search that finds a term written in another language.</summary>
public abstract class GlossaryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    [Theory]
    [InlineData("nl", "zorgverzekering", "Een verzekering die een groot deel van je zorg betaalt", "ltr")]
    [InlineData("en", "health insurance", "in the Netherlands you must have it", "ltr")]
    [InlineData("ar", "تأمين صحي", "تأمين يدفع جزءًا كبيرًا من رعايتك الصحية", "rtl")]
    [InlineData("ti", "መድሕን ጥዕና", "ዝበዝሐ ክፋል ክንክን ጥዕናኹም ዝኸፍል መድሕን", "ltr")]
    [InlineData("prs", "بیمهٔ صحی",
        "بیمه‌ای که بخش بزرگی از مصارف تداوی شما را می‌پردازد", "rtl")]
    [InlineData("fa", "بیمه درمانی",
        "بیمه‌ای که بخش بزرگی از هزینه‌های درمان شما را می‌پردازد", "rtl")]
    [InlineData("so", "caymis caafimaad", "Caymis bixiya qayb weyn", "ltr")]
    [InlineData("uk", "медичне страхування",
        "Страховка, яка оплачує велику частину вашого лікування", "ltr")]
    public async Task Each_language_has_its_glossary_page_with_the_agreed_form_and_the_Dutch_term(
        string culture, string form, string explanation, string direction)
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync($"/{culture}/woordenlijst");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"dir=\"{direction}\"", html[..html.IndexOf("<body", StringComparison.Ordinal)]);
        Assert.Contains(form, html);
        Assert.Contains(explanation, html);
        if (culture != "nl") Assert.Contains("(<span lang=\"nl\" dir=\"ltr\">zorgverzekering</span>)", html);
        // The participants' index links to it.
        Assert.Contains($"href=\"/{culture}/woordenlijst\"", await client.GetStringAsync($"/{culture}/informatie"));
    }

    [Fact]
    public async Task The_glossary_is_in_the_sitemap_in_every_language_with_its_alternates()
    {
        var xml = XDocument.Parse(await fixture.Factory.CreateClient().GetStringAsync("/sitemap.xml"));
        var entry = xml.Root!.Elements(Sitemap + "url")
            .Single(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath == "/ar/woordenlijst");
        var alternates = entry.Elements().Where(e => e.Name.LocalName == "link")
            .Select(l => new Uri(l.Attribute("href")!.Value).AbsolutePath).ToList();
        Assert.Equal(
            new[] { "nl", "en", "ar", "ti", "fa", "prs", "so", "uk" }.Select(c => $"/{c}/woordenlijst").Order(),
            alternates.Where(a => a.EndsWith("/woordenlijst", StringComparison.Ordinal)).Order());
    }

    [Theory]
    // An English query finds the Dutch sheet and, for an Arabic visitor, the Arabic one.
    [InlineData("health insurance", "nl", "/nl/informatie/de-zorgverzekering")]
    [InlineData("health insurance", "ar", "/ar/informatie/de-zorgverzekering")]
    [InlineData("التأمين الصحي", "nl", "/nl/informatie/de-zorgverzekering")]
    [InlineData("zorgverzekering", "uk", "/uk/informatie/de-zorgverzekering")]
    [InlineData("client manager", "nl", "/nl/informatie/je-klantmanager")]
    // The Arabic word with its article written onto it (العمل, the work): the Dutch term replaces the whole word.
    [InlineData("العمل", "nl", "/nl/informatie/stages-en-werk")]
    public async Task A_glossary_term_in_any_language_finds_the_material_on_it_through_the_api(string query, string lang, string url)
    {
        var result = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/v1/search?q={Uri.EscapeDataString(query)}&lang={lang}&type=info-sheet");
        Assert.Contains(url, result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task The_search_page_finds_the_visitors_material_for_a_term_typed_in_another_language()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/ar/zoeken?q=health+insurance");
        Assert.Contains("href=\"/ar/informatie/de-zorgverzekering\"", html);
        var dutch = await fixture.Factory.CreateClient().GetStringAsync(
            "/nl/zoeken?q=%D8%A7%D9%84%D8%AA%D8%A3%D9%85%D9%8A%D9%86+%D8%A7%D9%84%D8%B5%D8%AD%D9%8A");
        Assert.Contains("href=\"/nl/informatie/de-zorgverzekering\"", dutch);
    }

    [Fact]
    public async Task Xliff_notes_name_the_glossary_terms_of_each_unit_with_the_agreed_form()
    {
        using var scope = Host.Services.CreateScope();
        var xliff = await scope.ServiceProvider.GetRequiredService<TranslationExchange>().ExportAsync("ar", everything: true);
        var file = XDocument.Parse(xliff).Descendants().Single(e => e.Name.LocalName == "file"
            && (string?)e.Attribute("original") == "informatie/de-zorgverzekering");
        var title = file.Descendants().First(e => e.Name.LocalName == "trans-unit");
        var notes = title.Elements().Where(e => e.Name.LocalName == "note").Select(n => n.Value).ToList();
        Assert.Contains("woordenlijst: zorgverzekering = تأمين صحي (de eerste keer met \"(zorgverzekering)\" erachter)", notes);
        // A unit without a term has no glossary note.
        Assert.Contains(file.Descendants().Where(e => e.Name.LocalName == "trans-unit"),
            u => !u.Elements().Any(n => n.Name.LocalName == "note" && n.Value.StartsWith("woordenlijst:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_translators_editor_lists_the_terms_of_the_item_with_their_agreed_form()
    {
        Guid id;
        using (var scope = Host.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/de-zorgverzekering", "ar"))!.Id;
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var html = await translator.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.Contains("Woordenlijst: termen in deze tekst", html);
        Assert.Contains("<th scope=\"row\" lang=\"nl\">zorgverzekering</th>", html);
        Assert.Contains("تأمين صحي", html);
        Assert.Contains("<th scope=\"row\" lang=\"nl\">eigen risico</th>", html);
    }
}

public sealed class SqliteGlossaryTests(SqlitePortal fixture) : GlossaryTests<SqlitePortal>(fixture);
public sealed class PostgresGlossaryTests(PostgresPortal fixture) : GlossaryTests<PostgresPortal>(fixture);
