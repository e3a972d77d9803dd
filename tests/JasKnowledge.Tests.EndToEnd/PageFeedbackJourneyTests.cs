using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>"Heb je iets aan deze pagina?": a participant on a phone says a Somali sheet did not help and writes why; an
/// editor finds the remark on /beheer/reacties and removes it. (The forms need no JavaScript: the HTTP tests post them as a
/// browser without it would.)</summary>
public sealed class PageFeedbackJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_participant_says_a_sheet_did_not_help_and_an_editor_reads_why_and_removes_it()
    {
        var remark = $"Ma fahmin qaybta kharashka, fadlan tusaale ku dar ({Guid.NewGuid():N})"[..60];
        await using (var phone = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(), Locale = "so", ViewportSize = new ViewportSize { Width = 360, Height = 780 },
        }))
        {
            phone.SetDefaultTimeout(90_000);
            var page = await phone.NewPageAsync();
            await page.GotoAsync("/so/informatie/de-zorgverzekering");
            var question = page.Locator("form.page-feedback");
            await question.ScrollIntoViewIfNeededAsync();
            await Axe.AssertNoViolationsAsync(page, "feedback-so-sheet");
            await question.GetByRole(AriaRole.Button, new() { Name = "Maya" }).ClickAsync();
            await page.ArrivedAtAsync("**/so/reactie**");
            Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
            Assert.True(await page.Locator("#reactie-bedankt").IsVisibleAsync());
            await Axe.AssertNoViolationsAsync(page, "feedback-so-thanks");
            // Nothing typed: told so, nothing lost or sent.
            await page.Locator("form.feedback-form button[type=submit]").ClickAsync();
            Assert.True(await page.Locator("#reactie-probleem").IsVisibleAsync());
            Assert.Equal("true", await page.GetAttributeAsync("#opmerking", "aria-invalid"));
            await Axe.AssertNoViolationsAsync(page, "feedback-so-problem");
            await page.Locator("#opmerking").FillAsync(remark);
            await page.Locator("form.feedback-form button[type=submit]").ClickAsync();
            Assert.True(await page.Locator("#reactie-verstuurd").IsVisibleAsync());
            // No page is wider than the phone.
            Assert.Equal(await page.EvaluateAsync<int>("() => innerWidth"), await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
            await page.Locator("main a[href='/so/informatie/de-zorgverzekering']").ClickAsync();
            await page.ArrivedAtAsync("**/so/informatie/de-zorgverzekering");
        }

        await using var office = await portal.NewContextAsync();
        const string password = "Redactie-Wachtwoord-2026";
        var email = await portal.CreateAccountAsync(JasKnowledge.Data.Accounts.PortalRoles.Editor, password, mustChangePassword: false);
        var editor = await office.NewPageAsync();
        await editor.SetViewportSizeAsync(1280, 900);
        await BrowserPortal.SignInAsync(editor, email, password);
        await editor.ArrivedAtAsync("**/beheer");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Reacties: welke pagina's bezoekers helpen, en wat ze schrijven" }).ClickAsync();
        await editor.ArrivedAtAsync("**/beheer/reacties");
        await editor.GetByLabel("Taal", new() { Exact = true }).SelectOptionAsync("so");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await editor.ArrivedAtAsync("**taal=so**");
        var item = editor.Locator(".remarks li", new() { HasText = remark });
        Assert.Equal(1, await item.CountAsync());
        Assert.Contains("/so/informatie/de-zorgverzekering", await item.InnerTextAsync());
        Assert.True(await editor.Locator("table[data-reacties=paginas] a[href='/so/informatie/de-zorgverzekering']").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(editor, "beheer-reacties");
        await item.GetByRole(AriaRole.Button, new() { Name = "Verwijder deze reactie" }).ClickAsync();
        Assert.Contains("De reactie is verwijderd.", await editor.Locator("#reacties-uitkomst").InnerTextAsync());
        Assert.Equal(0, await editor.Locator(".remarks li", new() { HasText = remark }).CountAsync());
    }
}
