using JasKnowledge.Web.Features.Translations;
using System.Xml.Linq;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Translations;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>The translator's journey (issue 23 point 7): the Dutch sheet moves on, so the Arabic page says it
/// is older than the Dutch text; a translator exports Arabic XLIFF from the back office, the test fills the
/// stale sheet's units as a translation tool would and the translator imports it; an editor reviews the draft
/// and publishes it; the notice is gone. axe checks each page used.</summary>
[Collection(SignInJourneys.Name)]
public sealed class TranslatorJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Set = "informatie/je-mentor";
    private static readonly XNamespace X = InlineCodes.Xliff;

    [Fact]
    public async Task A_translator_brings_a_stale_Arabic_sheet_up_to_date_through_XLIFF_and_the_notice_disappears()
    {
        await ChangeDutchSheetAsync();
        const string password = "Vertaal-Wachtwoord-2026";
        var translatorEmail = await portal.CreateAccountAsync(PortalRoles.Translator, password, mustChangePassword: false);
        var editorEmail = await portal.CreateAccountAsync(PortalRoles.Editor, password, mustChangePassword: false);

        await using var visitor = await portal.NewContextAsync("ar");
        var publicPage = await visitor.NewPageAsync();
        await publicPage.GotoAsync("/ar/informatie/je-mentor");
        await Assertions.Expect(publicPage.Locator(".notice--outdated")).ToBeVisibleAsync();

        await using var translatorContext = await portal.NewContextAsync("nl-NL");
        var translator = await translatorContext.NewPageAsync();
        await BrowserPortal.SignInAsync(translator, translatorEmail, password);
        await translator.ArrivedAtAsync("**/beheer");
        await translator.GotoAsync("/beheer/vertalingen");
        await Axe.AssertNoViolationsAsync(translator, "beheer-translations");
        var download = await translator.RunAndWaitForDownloadAsync(() => translator.Locator("a[data-xliff='ar']").ClickAsync());
        var xliff = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"original=\"{Set}\"", xliff);
        Assert.Contains("woordenlijst: mentor = مرشد", xliff);

        await translator.GetByLabel("Taal", new() { Exact = true }).SelectOptionAsync("ar");
        await translator.Locator("#xliff-file").SetInputFilesAsync(new FilePayload
        {
            Name = "ar.xlf", MimeType = "application/x-xliff+xml", Buffer = System.Text.Encoding.UTF8.GetBytes(Fill(xliff)),
        });
        var imported = await translator.RunAndWaitForResponseAsync(
            () => translator.GetByRole(AriaRole.Button, new() { Name = "Importeren als concepten" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/beheer/vertalingen", StringComparison.Ordinal));
        Assert.True(await translator.Locator("#import-report").CountAsync() > 0,
            $"{imported.Status}: {await translator.Locator("main").InnerTextAsync()}");
        await Assertions.Expect(translator.Locator("#import-report")).ToContainTextAsync("Import: 1 item als concept, niets overgeslagen");
        await Axe.AssertNoViolationsAsync(translator, "beheer-translations-imported");
        // Nothing is published by the import.
        await publicPage.ReloadAsync();
        await Assertions.Expect(publicPage.Locator(".notice--outdated")).ToBeVisibleAsync();

        await using var editorContext = await portal.NewContextAsync("nl-NL");
        var editor = await editorContext.NewPageAsync();
        await BrowserPortal.SignInAsync(editor, editorEmail, password);
        await editor.ArrivedAtAsync("**/beheer");
        await editor.GotoAsync($"/beheer/inhoud/{await ArabicIdAsync()}");
        await Assertions.Expect(editor.Locator("tr[data-glossary-term]").First).ToBeVisibleAsync();
        Assert.Contains("مرشد", await editor.Locator("section.glossary-terms").InnerTextAsync());
        Assert.Contains("ع ", await editor.GetByLabel("Tekst (Markdown)").InputValueAsync());
        await Axe.AssertNoViolationsAsync(editor, "beheer-translation-review");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await editor.GetByRole(AriaRole.Status).First.InnerTextAsync());

        await publicPage.ReloadAsync();
        await Assertions.Expect(publicPage.Locator(".notice--outdated")).ToHaveCountAsync(0);
        Assert.Contains("ع ", await publicPage.Locator("main").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(publicPage, "sheet-ar-updated");
    }

    [Fact]
    public async Task A_translator_corrects_one_Tigrinya_cue_of_a_film_in_the_editor_and_the_player_shows_it()
    {
        const string password = "Vertaal-Wachtwoord-2026";
        var translatorEmail = await portal.CreateAccountAsync(PortalRoles.Translator, password, mustChangePassword: false);
        Guid id;
        using (var scope = portal.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("video/je-mentor", "ti"))!.Id;

        await using var translatorContext = await portal.NewContextAsync("nl-NL");
        var translator = await translatorContext.NewPageAsync();
        await BrowserPortal.SignInAsync(translator, translatorEmail, password);
        await translator.ArrivedAtAsync("**/beheer");
        await translator.GotoAsync($"/beheer/inhoud/{id}");
        var cue = translator.Locator("li[data-field-part='subtitles.2'] textarea");
        // Each box shows the Dutch cue above it and is labelled with its time and room.
        await Assertions.Expect(translator.Locator("li[data-field-part='subtitles.2'] .field-parts__dutch")).ToContainTextAsync("mentor");
        await Assertions.Expect(translator.GetByLabel("ondertitel 2, ", new() { Exact = false })).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(translator, "beheer-film-cues-ti");
        // A translator checks a cue on a phone too: the boxes fit the screen, nothing runs off the side.
        await translator.SetViewportSizeAsync(360, 800);
        await cue.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(translator, Path.Combine(BrowserPortal.Artifacts, "beheer-film-cues-ti-360.png"));
        Assert.True(await translator.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await translator.SetViewportSizeAsync(1280, 900);
        await cue.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(translator, Path.Combine(BrowserPortal.Artifacts, "beheer-film-cues-ti-1280.png"));

        // The cue shortened to its first line: a correction a translator makes after reading it on a phone.
        var firstLine = (await cue.InputValueAsync()).Split('\n')[0].Trim();
        await cue.FillAsync(firstLine);
        await translator.GetByLabel("Wat veranderde er?").FillAsync("Ondertitel 2 ingekort.");
        await translator.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await translator.GetByRole(AriaRole.Status).First.InnerTextAsync());

        await using var visitor = await portal.NewContextAsync("ti");
        var film = await visitor.NewPageAsync();
        var track = await film.APIRequest.GetAsync("/ti/video/je-mentor.vtt");
        var cues = JasKnowledge.Web.Features.Media.WebVtt.Parse(await track.TextAsync());
        Assert.Equal(firstLine, cues[1].Text);
        await film.GotoAsync("/ti/video/je-mentor");
        Assert.Contains(firstLine, await film.Locator("main").InnerTextAsync());
    }

    /// <summary>Major changes to the Dutch sheet, as an editor would publish them, until the Arabic translation
    /// is of an older Dutch version (a fresh import numbers the Dutch text from 1; the Arabic file may name a later one).</summary>
    private async Task ChangeDutchSheetAsync()
    {
        using var scope = portal.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var dutch = (await store.FindAsync(Set, "nl"))!;
        var arabic = (await store.FindAsync(Set, "ar"))!.Published!.SourceVersion ?? 0;
        string[] additions = ["Je mentor helpt je ook om de weg te vinden in je gemeente.", "Samen met je mentor oefen je ook Nederlands."];
        for (var i = 0; dutch.Published!.Number <= arabic; i++)
        {
            var text = dutch.Published.ToText() with
            {
                Body = dutch.Published.Body + "\n\n" + additions[i % additions.Length],
                ChangeNote = "Alinea toegevoegd.",
                IsMajor = true,
            };
            await store.PublishNewVersionAsync(dutch, text, "test");
        }
    }

    private async Task<Guid> ArabicIdAsync()
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(Set, "ar"))!.Id;
    }

    /// <summary>The exported file cut down to the stale sheet, every unit filled as a tool would: the
    /// source's inline codes kept, its text marked as Arabic.</summary>
    private static string Fill(string xliff)
    {
        var document = XDocument.Parse(xliff, LoadOptions.PreserveWhitespace);
        document.Root!.Elements(X + "file").Where(f => (string?)f.Attribute("original") != Set).Remove();
        foreach (var unit in document.Descendants(X + "trans-unit"))
        {
            var target = unit.Element(X + "target")!;
            // The Arabic goes inside the text's own spaces, as a translator writes it: "*…*ع" would glue a word to the
            // emphasis's closing marker, which is no longer emphasis (the Dutch sheet names its source's title in italics).
            target.ReplaceNodes(unit.Element(X + "source")!.Nodes()
                .Select(n => n is XText t ? new XText(t.Value.StartsWith(' ') ? " ع" + t.Value : "ع " + t.Value) : (XNode)new XElement((XElement)n)));
            target.SetAttributeValue("state", "translated");
        }
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }
}
