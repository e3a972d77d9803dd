using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>An editor changes a handbook chapter: preview, publish with a change note, the public page
/// shows the new text, the history shows both versions with their differences, and restore brings the
/// old text back as a draft. axe checks every back-office page used.</summary>
public sealed class EditorJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_editor_moves_a_sheet_in_the_participants_list_on_a_phone_and_a_wrong_session_is_named()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await SignInNewEditorAsync(context, width: 360);
        Guid id;
        using (var scope = portal.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<JasKnowledge.Data.Content.ContentStore>().FindAsync("informatie/stages-en-werk", "nl"))!.Id;
        await page.GotoAsync($"/beheer/inhoud/{id}");
        await page.ArrivedAtAsync($"**/beheer/inhoud/{id}");
        var sessions = page.GetByLabel("Sessies van het handboek");
        await sessions.FillAsync((await sessions.InputValueAsync()) + "\nsessie-99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("er is geen item met het adres 'sessie-99'");
        Assert.Equal("true", await sessions.GetAttributeAsync("aria-invalid"));
        // The properties fit a phone: nothing runs off the side.
        await sessions.ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "beheer-type-fields-360.png"));
        await Axe.AssertNoViolationsAsync(page, "beheer-type-fields");
    }

    [Fact]
    public async Task An_editor_edits_a_chapter_publishes_it_and_restores_the_old_text()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await SignInNewEditorAsync(context, width: 1280);

        await page.GetByRole(AriaRole.Link, new() { Name = "Inhoud bewerken" }).ClickAsync();
        await page.GetByLabel("Soort").SelectOptionAsync("handbook-chapter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ArrivedAtAsync("**type=handbook-chapter**");
        await Axe.AssertNoViolationsAsync(page, "beheer-content-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sessie 3 — Solidariteit en meedoen" }).First.ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inhoud/*");
        await Axe.AssertNoViolationsAsync(page, "beheer-content-edit");

        var body = page.GetByLabel("Tekst (Markdown)");
        var original = await body.InputValueAsync();
        await body.FillAsync("Deze sessie begint met een **kennismakingsronde**.\n\n" + original);
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld", Exact = true }).ClickAsync();
        Assert.Contains("kennismakingsronde", await page.Locator("section.preview strong").First.InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "beheer-content-preview");
        await page.GetByLabel("Wat veranderde er?").FillAsync("Kennismakingsronde toegevoegd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        var editUrl = new Uri(page.Url).GetLeftPart(UriPartial.Path);

        await page.GotoAsync("/nl/handboek/sessie-3-solidariteit-en-meedoen");
        Assert.Contains("kennismakingsronde", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync(editUrl + "/geschiedenis");
        Assert.Equal(2, await page.Locator("table.admin-table tbody tr").CountAsync());
        Assert.Contains("kennismakingsronde", await page.Locator(".text-diff ins").First.InnerTextAsync());
        Assert.Contains("Kennismakingsronde toegevoegd", await page.Locator("table.admin-table").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "beheer-content-history");

        await page.GetByRole(AriaRole.Button, new() { Name = "Versie 1 herstellen als nieuw concept" }).ClickAsync();
        await page.ArrivedAtAsync(editUrl);
        Assert.DoesNotContain("kennismakingsronde", await page.GetByLabel("Tekst (Markdown)").InputValueAsync());
        await page.GetByLabel("Wat veranderde er?").FillAsync("Terug naar versie 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("Versie 3 is gepubliceerd", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        await page.GotoAsync("/nl/handboek/sessie-3-solidariteit-en-meedoen");
        Assert.DoesNotContain("kennismakingsronde", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task An_editor_uploads_a_new_edition_and_sees_the_progress_and_the_result()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await SignInNewEditorAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bestanden: een nieuwe versie uploaden" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, "beheer-files");
        await page.Locator("table.admin-table a[href='/beheer/bestanden/nl/het-gesprek-handboek-pdf']").ClickAsync();
        await page.ArrivedAtAsync("**/beheer/bestanden/nl/het-gesprek-handboek-pdf");
        await Axe.AssertNoViolationsAsync(page, "beheer-upload");

        var pdf = new byte[200_000];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        "\nstartxref\n9\n%%EOF\n"u8.CopyTo(pdf.AsSpan(pdf.Length - 19));
        await page.GetByLabel("Versienummer").FillAsync("7.7");
        await page.GetByLabel("Wat is er nieuw?").FillAsync("Proefeditie uit de browsertest.");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "editie.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden en publiceren" }).ClickAsync();
        var status = page.Locator("main .notice[role=status]");
        await status.WaitForAsync();
        Assert.Contains("Versie 7.7 is gepubliceerd", await status.InnerTextAsync());
        // The progress bar was driven by the script: the answer replaced the page's main, not the page.
        Assert.EndsWith("/beheer/bestanden/nl/het-gesprek-handboek-pdf", page.Url);
        var response = await page.APIRequest.GetAsync("/files/nl/het-gesprek-handboek-pdf/7.7");
        Assert.Equal(200, response.Status);
        Assert.Equal(pdf.Length, (await response.BodyAsync()).Length);
    }

    /// <summary>Read the Docs' search analytics for a ministry's portal: participants search a Tigrinya word the portal
    /// does not have; the editor finds it under "Niets gevonden" for Tigrinya and opens the search as they saw it.</summary>
    [Fact]
    public async Task An_editor_sees_a_word_participants_searched_in_vain_and_opens_what_they_saw()
    {
        const string word = "ዘፐሊንኣየር";
        await using (var participants = await portal.NewContextAsync("ti"))
        {
            var participant = await participants.NewPageAsync();
            await participant.SetViewportSizeAsync(360, 740);
            for (var i = 0; i < SearchQueryLog.MinimumSearches; i++)
            {
                await participant.GotoAsync("/ti/zoeken?q=" + Uri.EscapeDataString(word));
                await Assertions.Expect(participant.Locator(".search-hit")).ToHaveCountAsync(0);
            }
        }
        await portal.Services.GetRequiredService<SearchQueryFlush>().FlushAsync();

        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await SignInNewEditorAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Zoekvragen: wat bezoekers zoeken en niet vinden" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/zoekvragen");
        await Axe.AssertNoViolationsAsync(page, "beheer-search-queries");
        await page.GetByLabel("Taal", new() { Exact = true }).SelectOptionAsync("ti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.ArrivedAtAsync("**taal=ti**");
        var line = page.Locator("table[data-zoekvragen='niets-gevonden'] tbody tr").Filter(new() { HasText = word });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line.Locator("td")).ToHaveTextAsync(["ትግርኛ (ti)", "3", "3"]);
        await Axe.AssertNoViolationsAsync(page, "beheer-search-queries-ti");

        await line.GetByRole(AriaRole.Link, new() { Name = word }).ClickAsync();
        await page.ArrivedAtAsync("**/ti/zoeken?q=**");
        Assert.Equal(word, await page.Locator("input[name=q]").First.InputValueAsync());
        await Assertions.Expect(page.Locator(".search-hit")).ToHaveCountAsync(0);
    }

    /// <summary>A new editor account, signed in through the form on a new page of the context, arrived at /beheer.</summary>
    [Fact]
    public async Task An_editor_on_a_phone_takes_a_translation_offline_only_after_confirming_what_it_does()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await SignInNewEditorAsync(context, width: 360);
        Guid id;
        using (var scope = portal.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<JasKnowledge.Data.Content.ContentStore>().FindAsync("informatie/je-klantmanager", "so"))!.Id;
        await page.GotoAsync($"/beheer/inhoud/{id}");
        var publicPage = await page.GetByRole(AriaRole.Link, new() { Name = "bekijk de publieke pagina" }).GetAttributeAsync("href");

        await page.GetByRole(AriaRole.Button, new() { Name = "Offline halen" }).ClickAsync();
        var question = page.Locator("#confirm-unpublish");
        await Assertions.Expect(question).ToContainTextAsync("lezen bezoekers in deze taal dan de tekst in de taal English (en)");
        // The question fits the phone: nothing of it runs off the side.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AssertNoViolationsAsync(page, "beheer-content-unpublish-question");
        // Asking took nothing offline yet.
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(publicPage!);
        await Assertions.Expect(visitor.Locator(".notice--fallback")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, offline halen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Offline gehaald");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "bekijk de publieke pagina" })).ToHaveCountAsync(0);
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator(".notice--fallback")).ToHaveCountAsync(1);
    }

    private async Task<IPage> SignInNewEditorAsync(IBrowserContext context, int? width = null)
    {
        const string password = "Redactie-Wachtwoord-2026";
        var email = await portal.CreateAccountAsync(PortalRoles.Editor, password, mustChangePassword: false);
        var page = await context.NewPageAsync();
        if (width is { } pixels) await page.SetViewportSizeAsync(pixels, 900);
        await BrowserPortal.SignInAsync(page, email, password);
        await page.ArrivedAtAsync("**/beheer");
        return page;
    }
}
