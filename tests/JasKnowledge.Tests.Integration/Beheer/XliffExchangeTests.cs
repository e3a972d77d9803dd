using JasKnowledge.Web.Features.Translations;
using System.Net;
using System.Xml.Linq;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Translations;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>XLIFF through the back office on both databases: a translator exports Arabic, fills the
/// targets as a translation tool would, imports, and gets drafts that record the Dutch version; bad files
/// change nothing and say where; units whose Dutch text changed since the export are skipped.</summary>
public abstract class XliffExchangeTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly XNamespace X = InlineCodes.Xliff;
    private const string Page = "/beheer/vertalingen";
    private const string Body = "Kom **op tijd** naar het gesprek.\n\n## Afmelden\n\n"
        + "- Bel de [gemeente](https://www.example.nl) als je niet kunt.\n- Vertel waarom.";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    private async Task<ContentItem?> FindAsync(string set, string culture)
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(set, culture);
    }

    private async Task<int> PublishDutchAsync(string set, string body)
    {
        using var scope = Host.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = await store.FindAsync(set, "nl")
            ?? new ContentItem { Type = "info-sheet", Culture = "nl", LocalizationSet = set, Slug = set.Split('/')[^1] };
        return (await store.PublishNewVersionAsync(item, new VersionText("Afspraken", body, Fields: "{\"order\":\"97\"}",
            ChangeNote: "Tekst.", IsMajor: true), "test")).Number;
    }

    /// <summary>The exported file cut down to one item, every target filled as a tool would: the source's
    /// inline codes kept, each text replaced by an Arabic-marked one.</summary>
    private static string Fill(string xliff, string set)
    {
        var document = XDocument.Parse(xliff, LoadOptions.PreserveWhitespace);
        document.Root!.Elements(X + "file").Where(f => (string?)f.Attribute("original") != set).Remove();
        foreach (var unit in document.Descendants(X + "trans-unit"))
        {
            var target = unit.Element(X + "target")!;
            target.ReplaceNodes(unit.Element(X + "source")!.Nodes()
                .Select(n => n is XText t ? new XText("ع " + t.Value) : (XNode)new XElement((XElement)n)));
            target.SetAttributeValue("state", "translated");
        }
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string language, string xliff)
    {
        var token = await BackOffice.TokenAsync(client, Page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(language), "lang" },
            { new StringContent(xliff), "file", "vertaling.xlf" },
        };
        return await client.PostAsync($"{Page}?handler=Xliff", form);
    }

    /// <summary>A new Dutch item (with <see cref="Body"/> unless another is given), a translator, and the full Arabic export cut down to that item and
    /// filled (<see cref="Fill"/>), for a test to break one unit of.</summary>
    private async Task<(HttpClient Translator, XDocument File)> FilledExportAsync(string set, string body = Body)
    {
        await PublishDutchAsync(set, body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        return (translator, XDocument.Parse(Fill(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true"), set),
            LoadOptions.PreserveWhitespace));
    }

    private static XElement Target(XDocument file, string unit) =>
        file.Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == unit).Element(X + "target")!;

    private static async Task<string> ImportedPageAsync(HttpClient client, XDocument file, HttpStatusCode expected)
    {
        var response = await ImportAsync(client, "ar", file.Declaration + file.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(expected, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_exported_file_filled_and_imported_becomes_a_draft_with_the_filled_text_and_the_dutch_version()
    {
        const string set = "informatie/xliff-heen-en-terug";
        var version = await PublishDutchAsync(set, Body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));

        var export = await translator.GetAsync($"{Page}?handler=Xliff&lang=ar");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-xliff+xml", export.Content.Headers.ContentType!.MediaType);
        var xliff = await export.Content.ReadAsStringAsync();
        Assert.Contains($"original=\"{set}\"", xliff);
        Assert.Contains($"jas:source-version=\"{version}\"", xliff);
        Assert.Contains("<bpt id=\"1\" ctype=\"bold\">**</bpt>op tijd<ept id=\"1\">**</ept>", xliff);
        Assert.Contains("<note>onder: Afmelden</note>", xliff);

        var response = await ImportAsync(translator, "ar", Fill(xliff, set));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Import: 1 item als concept, niets overgeslagen", html);

        var arabic = (await FindAsync(set, "ar"))!;
        Assert.Null(arabic.Published);
        Assert.Equal(version, arabic.Draft!.SourceVersion);
        Assert.Equal("ع Afspraken", arabic.Draft.Title);
        Assert.Equal("ع Kom **ع op tijd**ع  naar het gesprek.\n\n## ع Afmelden\n\n"
            + "- ع Bel de [ع gemeente](https://www.example.nl)ع  als je niet kunt.\n- ع Vertel waarom.",
            arabic.Draft.Body);
    }

    [Fact]
    public async Task A_language_code_in_other_letters_exports_and_imports_that_language_as_the_portal_writes_it()
    {
        // The attack of 6 December 2026: an import with lang=UK made a second set of Ukrainian items, published as "UK".
        const string set = "informatie/xliff-hoofdletters";
        await PublishDutchAsync(set, Body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var export = await translator.GetAsync($"{Page}?handler=Xliff&lang=AR");
        Assert.Equal("jasknowledge-nl-ar.xlf", export.Content.Headers.ContentDisposition!.FileName?.Trim('"'));

        var response = await ImportAsync(translator, "AR", Fill(await export.Content.ReadAsStringAsync(), set));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await FindAsync(set, "ar"))?.Draft);
        Assert.Null(await FindAsync(set, "AR"));

        var dutch = await ImportAsync(translator, "NL", Fill(await export.Content.ReadAsStringAsync(), set));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dutch.StatusCode);
        Assert.Null(await FindAsync(set, "NL"));
    }

    [Fact]
    public async Task An_item_a_rule_refuses_is_reported_by_name_and_the_other_items_are_imported()
    {
        // Found by the back-office attack of 6 December 2026: a title of 500 characters stopped the import with "Het importeren
        // stopte", without naming the item or saying that the item before it had already been saved.
        const string good = "informatie/xliff-goed", tooLong = "informatie/xliff-te-lang";
        await PublishDutchAsync(good, Body);
        await PublishDutchAsync(tooLong, Body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true");
        var first = XDocument.Parse(Fill(export, good), LoadOptions.PreserveWhitespace);
        var second = XDocument.Parse(Fill(export, tooLong), LoadOptions.PreserveWhitespace);
        second.Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == "title").Element(X + "target")!.Value = new string('ع', 500);
        first.Root!.Add(second.Root!.Elements(X + "file"));

        var response = await ImportAsync(translator, "ar", first.Declaration + first.ToString(SaveOptions.DisableFormatting));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Import: 1 item als concept, 1 item niet geïmporteerd", html);
        Assert.Contains(tooLong, html);
        Assert.Matches("Titel: hoogstens 400 tekens \\(nu 500\\)\\. \\(regel \\d+\\)", html);
        Assert.NotNull((await FindAsync(good, "ar"))!.Draft);
        Assert.Null(await FindAsync(tooLong, "ar"));
    }

    [Fact]
    public async Task A_full_export_imported_unchanged_is_accepted_with_its_translated_links()
    {
        // The English pages link to English pages (/en/open-data where the Dutch has /nl/open-data); the export writes those
        // texts as targets, and importing it unchanged was refused as broken inline codes (the back-office attack of 6 December 2026).
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=en&all=true");
        Assert.Contains("](/en/open-data)", export);

        var response = await ImportAsync(translator, "en", export);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("opmaakcodes", html);
        // The same texts back: nothing to review, so no drafts.
        Assert.Matches("Import: 0 items als concept, \\d+ items ongewijzigd", html);
        Assert.Contains("<li data-unchanged><code>pages/over</code></li>", html);
        Assert.Null((await FindAsync("pages/over", "en"))!.Draft);
    }

    [Fact]
    public async Task A_translation_with_a_link_the_dutch_lacks_goes_out_as_a_note_so_the_file_comes_back_in()
    {
        const string set = "informatie/xliff-eigen-link";
        var version = await PublishDutchAsync(set, "Kom op tijd.\n\nVertel waarom.");
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            await store.PublishNewVersionAsync(new ContentItem { Type = "info-sheet", Culture = "ar", LocalizationSet = set, Slug = "xliff-eigen-link" },
                new VersionText("ع Afspraken", "ع [Kom](/ar/informatie) op tijd.\n\nع Vertel waarom.", SourceVersion: version), "test");
        }
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));

        var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true");
        var file = XDocument.Parse(export).Root!.Elements(X + "file").Single(f => (string?)f.Attribute("original") == set);
        var units = file.Descendants(X + "trans-unit").ToDictionary(u => (string)u.Attribute("id")!);
        Assert.Equal("ع Vertel waarom.", units["b2"].Element(X + "target")!.Value);
        Assert.Empty(units["b1"].Element(X + "target")!.Nodes());
        Assert.Equal("needs-translation", (string?)units["b1"].Element(X + "target")!.Attribute("state"));
        Assert.Contains(units["b1"].Elements(X + "note"), n => n.Value == "huidige vertaling, met andere opmaak of links dan de bron: ع [Kom](/ar/informatie) op tijd.");

        // Sent back as it came: the other items go in; this one waits for its first block.
        var response = await ImportAsync(translator, "ar", export);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<li data-skipped><code>{set}</code>, unit b1: geen vertaling", html);
    }

    /// <summary>Every shipped translation comes out of a full export with a target for each unit, and goes back in as it
    /// is. The home page's list items are wrapped over two lines, and each line had been a unit of its own: the translations'
    /// blocks did not line up with the Dutch ones, so every unit of the page came out empty, to be translated again.</summary>
    [Fact]
    public async Task Every_languages_full_export_imported_unchanged_leaves_out_no_shipped_item()
    {
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var shipped = Directory.EnumerateFiles(ContentFolders.Shipped, "*.nl.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ContentFolders.Shipped, f)[..^".nl.md".Length].Replace('\\', '/')).ToHashSet();
        var problems = new List<string>();
        foreach (var language in new[] { "en", "ar", "ti", "fa", "prs", "so", "uk" })
        {
            var export = await translator.GetStringAsync($"{Page}?handler=Xliff&lang={language}&all=true");
            var response = await ImportAsync(translator, language, export);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{language}: {(int)response.StatusCode} {System.Text.RegularExpressions.Regex.Match(html, "<p class=\"notice\" role=\"alert\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value}");
                continue;
            }
            problems.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<li data-skipped><code>([^<]*)</code>([^<]*)</li>")
                .Where(m => shipped.Contains(m.Groups[1].Value)).Select(m => $"{language}: {m.Groups[1].Value}{m.Groups[2].Value}"));
            if (!html.Contains("<li data-unchanged><code>pages/home</code></li>", StringComparison.Ordinal)) problems.Add($"{language}: pages/home is not unchanged");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_import_never_replaces_a_draft_someone_else_saved_and_says_so()
    {
        // Found by the attack of 5 December 2026: the import edited another translator's saved draft in place.
        const string set = "informatie/xliff-open-concept";
        await PublishDutchAsync(set, Body);
        using (var scope = Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ContentStore>().CreateAsync(
                "info-sheet", "ar", set, "xliff-open-concept", new VersionText("مسودة", "نص المترجم الآخر."), "collega@example.nl");
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var xliff = Fill(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true"), set);

        var html = await (await ImportAsync(translator, "ar", xliff)).Content.ReadAsStringAsync();

        Assert.Contains("Import: 0 items als concept, 1 item niet geïmporteerd", html);
        Assert.Contains("er staat een concept open (versie 1, van collega@example.nl)", html);
        Assert.Equal("نص المترجم الآخر.", (await FindAsync(set, "ar"))!.Draft!.Body);
    }

    [Fact]
    public async Task A_file_with_a_broken_inline_code_is_refused_with_unit_and_line_and_changes_nothing()
    {
        const string set = "informatie/xliff-kapot";
        await PublishDutchAsync(set, Body);
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var filled = Fill(await editor.GetStringAsync($"{Page}?handler=Xliff&lang=ar"), set);
        // The target (after its source) loses the link's closing code.
        const string code = "<ept id=\"1\">](https://www.example.nl)</ept>";
        var at = filled.LastIndexOf(code, StringComparison.Ordinal);
        var broken = filled[..at] + "](https://kwaad.example)" + filled[(at + code.Length)..];

        var response = await ImportAsync(editor, "ar", broken);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("er is niets veranderd", html);
        Assert.Contains("Unit: b3.", html);
        Assert.Matches("Regel \\d+\\.", html);
        Assert.Null(await FindAsync(set, "ar"));

        response = await ImportAsync(editor, "fa", filled);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("niet voor &#x27;fa&#x27;", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ImportAsync(editor, "ar", "geen xml")).StatusCode);
        Assert.Null(await FindAsync(set, "fa"));
    }

    /// <summary>Found by the attack of 6 December 2026: Markdown typed into a target as text became layout or a link the Dutch
    /// text does not have: a new list item, a heading, a link definition, or a link next to the intact codes.</summary>
    [Theory]
    [InlineData("b4", "ع Vertel waarom.\n- ع een punt erbij", "één unit is één blok")]
    [InlineData("b4", "ع Vertel waarom.\n\n# ع Een kop erbij", "één unit is één blok")]
    [InlineData("b2", "ع Afmelden\n\nع Een alinea erbij", "één regel")]
    [InlineData("b4", "[1]: https://kwaad.example\nع Vertel [waarom][1].", "linkdefinitie")]
    [InlineData("b4", "ع Vertel [waarom](https://kwaad.example \"titel\").", "die de bron niet heeft")]
    // Nested past Markdig's depth limit: it had answered 500 (attack h8).
    [InlineData("b4", ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x", "te diep genest")]
    public async Task A_target_that_makes_a_block_of_its_own_leaves_its_item_out_and_says_which_unit(string unit, string target, string message)
    {
        // Each case its own item: a case that imported would leave a draft for the next.
        var set = "informatie/xliff-blok-" + Guid.NewGuid().ToString("N")[..8];
        var (translator, file) = await FilledExportAsync(set);
        Target(file, unit).Value = target;

        var html = await ImportedPageAsync(translator, file, HttpStatusCode.OK);

        Assert.Contains("1 item niet geïmporteerd", html);
        Assert.Contains(message, html);
        Assert.Matches("\\(regel \\d+\\)", html);
        Assert.Null(await FindAsync(set, "ar"));
    }

    /// <summary>A title saved before the control-character rule (a form feed, Word's soft line break) made the whole export
    /// answer 500: XML cannot hold it (the attack of 6 December 2026). It goes out with a replacement mark.</summary>
    [Fact]
    public async Task A_control_character_saved_before_the_rule_does_not_break_the_export()
    {
        const string set = "informatie/xliff-stuurteken";
        await PublishDutchAsync(set, Body);
        var id = (await FindAsync(set, "nl"))!.Id;
        using (var scope = Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<JasKnowledge.Data.JasDbContext>().ContentVersions.Where(v => v.ItemId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Title, "Afspraken\vvooraf"));
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));

        var export = await translator.GetAsync($"{Page}?handler=Xliff&lang=ar&all=true");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("<source>Afspraken\uFFFDvooraf</source>", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_twice_in_the_file_is_named_as_twice_not_as_missing()
    {
        const string set = "informatie/xliff-dubbel";
        var (translator, file) = await FilledExportAsync(set);
        file.Descendants(X + "trans-unit").Single(u => (string?)u.Attribute("id") == "b4").SetAttributeValue("id", "b3");

        var html = await ImportedPageAsync(translator, file, HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Unit 'b3' staat twee keer in 'informatie/xliff-dubbel'.", html);
        Assert.DoesNotContain("ontbreekt in het bestand", html);
        Assert.Null(await FindAsync(set, "ar"));
    }

    /// <summary>The attack of 6 December 2026: an item twice in one file was taken silently, and a unit's direction override was
    /// reported without its unit and line.</summary>
    [Fact]
    public async Task An_item_twice_refuses_the_file_and_a_units_invisible_control_is_reported_at_the_unit()
    {
        var set = "informatie/xliff-twee-" + Guid.NewGuid().ToString("N")[..8];
        var (translator, file) = await FilledExportAsync(set);
        var twice = new XDocument(file);
        twice.Root!.Add(new XElement(twice.Root.Elements(X + "file").Single()));

        Assert.Contains($"'{set}' staat twee keer in het bestand", await ImportedPageAsync(translator, twice, HttpStatusCode.UnprocessableEntity));

        Target(file, "b4").Value = "ع Vertel \u202Ewaarom.";
        Assert.Matches("b4.*De vertaling: bevat een onzichtbaar teken dat de leesrichting omzet \\(U\\+202E\\).*\\(regel \\d+\\)",
            await ImportedPageAsync(translator, file, HttpStatusCode.OK));
        Assert.Null(await FindAsync(set, "ar"));
    }

    /// <summary>The second attack of 6 December 2026: two table cells that each passed made a link to another site together.</summary>
    [Fact]
    public async Task Two_cells_that_make_a_link_only_together_leave_their_item_out()
    {
        var set = "informatie/xliff-cellen-" + Guid.NewGuid().ToString("N")[..8];
        var (translator, file) = await FilledExportAsync(set, "Stand:\n\n| Eis | Stand |\n| --- | --- |\n| Kleurcontrast | Voldoet |");
        Target(file, "b4").Value = "[Meld hier een probleem ` ]";
        Target(file, "b5").Value = "` ](https://kwaad.example/login)";

        var html = await ImportedPageAsync(translator, file, HttpStatusCode.OK);

        Assert.Contains("1 item niet geïmporteerd", html);
        Assert.Contains("erbij: link https://kwaad.example/login", html);
        Assert.Null(await FindAsync(set, "ar"));
    }

    [Fact]
    public async Task A_link_typed_as_text_next_to_the_intact_codes_refuses_the_file()
    {
        const string set = "informatie/xliff-link-getypt";
        var (translator, file) = await FilledExportAsync(set);
        Target(file, "b3").AddFirst(new XText("[ع hier](https://kwaad.example) "));

        var html = await ImportedPageAsync(translator, file, HttpStatusCode.UnprocessableEntity);

        Assert.Contains("als tekst getypt", html);
        Assert.Contains("https://kwaad.example", html);
        Assert.Contains("Unit: b3.", html);
        Assert.Null(await FindAsync(set, "ar"));
    }

    [Fact]
    public async Task Interface_strings_come_out_of_a_full_export_and_an_import_checks_them_without_changing_the_portal()
    {
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var xliff = await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar&all=true");
        var document = XDocument.Parse(xliff);
        var strings = document.Root!.Elements(X + "file").Single(f => (string?)f.Attribute("original") == "interface/Ui");
        Assert.Equal("resx", (string?)strings.Attribute("datatype"));
        var units = strings.Descendants(X + "trans-unit").ToList();
        Assert.True(units.Count > 200, $"{units.Count} interface strings");

        // One unit translated anew, one whose Dutch source the translator's tool altered, the rest left out.
        document.Root.Elements(X + "file").Where(f => f != strings).Remove();
        units.Skip(2).Remove();
        units[0].Element(X + "target")!.Value = "نص جديد";
        units[1].Element(X + "source")!.Value = "Een tekst die het portaal niet heeft";
        var name = (string)units[0].Attribute("id")!;
        var response = await ImportAsync(translator, "ar", document.Declaration + document.ToString(SaveOptions.DisableFormatting));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Import: 0 items als concept, 1 interfacetekst overgeslagen", html);
        Assert.Contains("data-interface=\"1\"", html);
        Assert.Contains("translations import --lang ar --in bestand.xlf --resx themes/JasKnowledge.Theme/Resources", html);
        Assert.Contains($"unit {(string)units[1].Attribute("id")!}: de Nederlandse interfacetekst is veranderd", html);
        // The running portal still shows its own Arabic text: interface strings change with the code only.
        var arabic = Host.Services.GetRequiredService<JasKnowledge.Web.Features.Translations.InterfaceTexts>().In("ar");
        Assert.NotEqual("نص جديد", arabic[name]);

        units[0].SetAttributeValue("id", "GeenInterfacetekst");
        response = await ImportAsync(translator, "ar", document.Declaration + document.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Unit: GeenInterfacetekst.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_import_form_carries_its_own_antiforgery_token()
    {
        // Found by the attack of 2 December 2026: the form had a hand-written action, so the tag helper left
        // the token out, and a browser's import always got 400 (the test above takes a token from elsewhere).
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var html = await translator.GetStringAsync(Page);
        var form = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*handler=Xliff[^>]*>.*?</form>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(form.Success, html);
        Assert.Contains("name=\"__RequestVerificationToken\"", form.Value);
    }

    [Fact]
    public async Task A_deeply_nested_file_or_one_with_entities_is_refused_at_once_and_changes_nothing()
    {
        // Found by the attack of 2 December 2026: LINQ to XML needs time growing with the square of the
        // nesting, so a 1.4 MB file of nested elements kept a core busy for minutes.
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        const int depth = 20_000;
        var deep = "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
            + string.Concat(Enumerable.Repeat("<g>", depth)) + string.Concat(Enumerable.Repeat("</g>", depth)) + "</xliff>";
        var response = await ImportAsync(translator, "ar", deep);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("dieper genest dan 64 niveaus", await response.Content.ReadAsStringAsync());

        // No DTD is read: an entity (here the first of a "billion laughs") is an error, not an expansion.
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"hahahahaha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"
            + "<file original=\"&c;\" target-language=\"ar\" /></xliff>";
        response = await ImportAsync(translator, "ar", laughs);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("geen geldige XML", html);
        Assert.Contains("Regel 1.", html);
        Assert.Contains("heeft een DOCTYPE met eigen entiteiten", html);
        Assert.Contains("undeclared entity", html);
    }

    [Fact]
    public async Task Words_left_count_a_missing_item_whole_and_an_outdated_one_by_its_changed_units_in_the_csv()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        async Task<int> ArabicWordsAsync()
        {
            var csv = await editor.GetStringAsync($"{Page}?handler=WordsCsv");
            var row = csv.Split('\n').Single(l => l.StartsWith("ar,", StringComparison.Ordinal)).TrimEnd('\r').Split(',');
            return int.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
        var before = await ArabicWordsAsync();
        const string set = "informatie/xliff-woorden";
        // Title "Afspraken" (1) + body (6 + 1 + 7 + 2 words; the link's address does not count).
        await PublishDutchAsync(set, Body);
        Assert.Equal(before + 17, await ArabicWordsAsync());

        // Translated from this version: nothing left; then one list item changes: only its words count.
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        await ImportAsync(translator, "ar", Fill(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar"), set));
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var arabic = (await store.FindAsync(set, "ar"))!;
            await store.PublishAsync(arabic, arabic.Draft!.Number, "test");
        }
        Assert.Equal(before, await ArabicWordsAsync());
        await PublishDutchAsync(set, Body.Replace("Vertel waarom.", "Vertel ons waarom."));
        Assert.Equal(before + 3, await ArabicWordsAsync());
        Assert.Contains("data-words=\"ar\"", await editor.GetStringAsync(Page));
    }

    /// <summary>Debian's translate-toolkit as a translator's tool: xliff2po, the PO filled, pomerge back
    /// into the exported XLIFF. It writes targets as plain Markdown; the import accepts them when their
    /// Markdown markers are the source's.</summary>
    [NeedsTools("xliff2po", "pomerge")]
    public async Task A_file_round_tripped_through_translate_toolkit_imports()
    {
        const string set = "informatie/xliff-toolkit";
        var version = await PublishDutchAsync(set, Body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var exported = XDocument.Parse(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar"), LoadOptions.PreserveWhitespace);
        exported.Root!.Elements(X + "file").Where(f => (string?)f.Attribute("original") != set).Remove();
        var folder = Directory.CreateTempSubdirectory("jas-toolkit-").FullName;
        try
        {
            var xlf = Path.Combine(folder, "ar.xlf");
            await File.WriteAllTextAsync(xlf, exported.Declaration + exported.ToString(SaveOptions.DisableFormatting));
            await RunAsync("xliff2po", xlf, Path.Combine(folder, "ar.po"));
            await File.WriteAllTextAsync(Path.Combine(folder, "filled.po"), FillPo(await File.ReadAllTextAsync(Path.Combine(folder, "ar.po"))));
            await RunAsync("pomerge", "-t", xlf, "-i", Path.Combine(folder, "filled.po"), "-o", Path.Combine(folder, "back.xlf"));

            var html = await (await ImportAsync(translator, "ar", await File.ReadAllTextAsync(Path.Combine(folder, "back.xlf"))))
                .Content.ReadAsStringAsync();
            Assert.Contains("Import: 1 item als concept, niets overgeslagen", html);
            var draft = (await FindAsync(set, "ar"))!.Draft!;
            var units = MarkdownUnits.Of(Body);
            Assert.Equal(units.Join(units.Units.Select(u => "ع " + u.Text).ToList()), draft.Body);
            Assert.Equal(version, draft.SourceVersion);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? Tool(string name) => NeedsToolsAttribute.Find(name);

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Tool(tool)!) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {await error}");
    }

    /// <summary>Every PO entry translated as "ع " + its Dutch text, as a translator in a PO editor would; not fuzzy.</summary>
    private static string FillPo(string po) => string.Join("\n\n", po.Replace("\r\n", "\n").Split("\n\n").Select(entry =>
    {
        var lines = entry.Split('\n').ToList();
        var id = lines.FindIndex(l => l.StartsWith("msgid ", StringComparison.Ordinal));
        var str = lines.FindIndex(l => l.StartsWith("msgstr ", StringComparison.Ordinal));
        if (id < 0 || str < id || (lines[id] == "msgid \"\"" && str == id + 1)) return entry;
        var text = lines.GetRange(id, str - id);
        return string.Join('\n', lines.Take(str).Where(l => l != "#, fuzzy")
            .Append("msgstr \"ع \"").Append(text[0]["msgid ".Length..]).Concat(text.Skip(1)));
    }));

    [Fact]
    public async Task A_unit_whose_dutch_text_changed_after_the_export_is_reported_and_skipped()
    {
        const string set = "informatie/xliff-veranderd";
        await PublishDutchAsync(set, Body);
        var translator = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Translator));
        var filled = Fill(await translator.GetStringAsync($"{Page}?handler=Xliff&lang=ar"), set);
        await PublishDutchAsync(set, Body.Replace("Vertel waarom.", "Vertel waarom je niet komt."));

        var html = await (await ImportAsync(translator, "ar", filled)).Content.ReadAsStringAsync();
        Assert.Contains("Import: 0 items als concept, 1 item niet geïmporteerd", html);
        Assert.Contains("unit b4: de Nederlandse tekst van deze unit is veranderd", html);
        Assert.Null(await FindAsync(set, "ar"));
    }
}

public sealed class SqliteXliffExchangeTests(SqlitePortal fixture) : XliffExchangeTests<SqlitePortal>(fixture);

public sealed class PostgresXliffExchangeTests(PostgresPortal fixture) : XliffExchangeTests<PostgresPortal>(fixture);
