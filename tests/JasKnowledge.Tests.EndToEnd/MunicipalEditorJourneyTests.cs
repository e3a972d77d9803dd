using JasKnowledge.Data.Accounts;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A municipal editor of Oegstgeest: first sign-in with a one-time password and the code of the
/// authenticator app, a new password,
/// the municipality's programme edited, the differences previewed, published with a change note, and
/// the public page changed. axe checks every back-office page on the way. A municipal editor of Katwijk writes the
/// municipality's own information for participants, and an Arabic participant on a phone finds and reads it.</summary>
public sealed class MunicipalEditorJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_municipal_editor_changes_a_period_previews_the_diff_and_publishes()
    {
        const string oneTime = "Eenmalig-Wachtwoord-42";
        const string own = "Mijn-Eigen-Wachtwoord-2026";
        var email = await portal.CreateAccountAsync(PortalRoles.MunicipalEditor, oneTime, gemeente: "0579");
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync("/beheer");
        await page.ArrivedAtAsync("**/beheer/inloggen**");
        await Axe.AssertNoViolationsAsync(page, "beheer-login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inloggen/tweede-stap**");
        await Axe.AssertNoViolationsAsync(page, "beheer-second-step");
        await BrowserPortal.EnterCodeAsync(page, email, BrowserPortal.AuthenticatorKey);
        await page.ArrivedAtAsync("**/beheer/wachtwoord");
        await Axe.AssertNoViolationsAsync(page, "beheer-password");
        await page.GetByLabel("Huidig wachtwoord").FillAsync(oneTime);
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(own);
        await page.GetByLabel("Nieuw wachtwoord, nog een keer").FillAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer");
        await Axe.AssertNoViolationsAsync(page, "beheer-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Het programma van uw gemeente bewerken" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/gemeenten/0579");
        await Axe.AssertNoViolationsAsync(page, "beheer-municipality");
        await page.GetByLabel("Weken van periode 1").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekijk de verschillen" }).ClickAsync();
        var diff = page.Locator("section.preview table.diff");
        await diff.WaitForAsync();
        Assert.Contains("Periode 1: weken", await diff.InnerTextAsync());
        Assert.Equal(1, await diff.Locator("ins", new() { HasTextString = "14 weken" }).CountAsync());
        await Axe.AssertNoViolationsAsync(page, "beheer-municipality-preview");

        await page.GetByLabel("Wat veranderde er?").FillAsync("Eerste periode twee weken langer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("Gepubliceerd als versie 2", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());

        await page.GotoAsync("/nl/gemeenten/oegstgeest");
        Assert.Contains("14 weken", await page.Locator("table.diff").InnerTextAsync());
        Assert.Contains("Eerste periode twee weken langer", await page.Locator("#geschiedenis + ol").InnerTextAsync());
    }

    [Fact]
    public async Task A_municipal_editor_publishes_their_municipalitys_information_and_a_participant_reads_it_on_a_phone()
    {
        const string password = "Katwijk-Wachtwoord-2026";
        var email = await portal.CreateAccountAsync(PortalRoles.MunicipalEditor, password, gemeente: "0537", mustChangePassword: false);
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserPortal.SignInAsync(page, email, password);
        await page.ArrivedAtAsync("**/beheer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Informatie van uw gemeente voor deelnemers" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inhoud");
        await Axe.AssertNoViolationsAsync(page, "beheer-gemeente-info-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw item" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inhoud/nieuw");
        // The form starts at the municipality's own address; the municipal editor only gives a title.
        Assert.Equal("katwijk", await page.GetByLabel("Adres", new() { Exact = false }).InputValueAsync());
        await Axe.AssertNoViolationsAsync(page, "beheer-gemeente-info-new");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Informatie van de gemeente Katwijk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept maken" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inhoud/*-*-*-*-*"); // the new draft (a GUID), not the form
        await page.GetByLabel("Tekst", new() { Exact = false }).FillAsync("## Waar ga je heen?\n\nJe klantmanager werkt op het Werkplein.");
        await page.GetByLabel("Wat veranderde er?").FillAsync("Eerste versie.");
        await Axe.AssertNoViolationsAsync(page, "beheer-gemeente-info-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());

        await using var phone = await portal.NewContextAsync("ar");
        var participant = await phone.NewPageAsync();
        await participant.SetViewportSizeAsync(360, 800);
        await participant.GotoAsync("/ar/informatie");
        await participant.Locator("#gemeente ~ ul").GetByRole(AriaRole.Link, new() { Name = "Katwijk" }).ClickAsync();
        await participant.ArrivedAtAsync("**/ar/gemeente/katwijk");
        Assert.Contains("Je klantmanager werkt op het Werkplein.", await participant.Locator("main").InnerTextAsync());
        // The source in the reader's language, marked as Arabic inside the Dutch text it vouches for.
        var source = participant.Locator(".local-source");
        Assert.Equal("ar", await source.GetAttributeAsync("lang"));
        Assert.Contains("Katwijk", await source.InnerTextAsync());
        Assert.True(await participant.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AssertNoViolationsAsync(participant, "gemeente-info-ar");
        await Screenshots.SaveAsync(participant, Path.Combine(BrowserPortal.Artifacts, "gemeente-info-ar-360.png"));

        // The municipality has the page translated and puts the Arabic text in itself, on a phone.
        await page.SetViewportSizeAsync(360, 800);
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle talen van deze tekst" }).ClickAsync();
        await page.ArrivedAtAsync("**/vertalingen");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AssertNoViolationsAsync(page, "beheer-item-translations-360");
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "beheer-item-translations-360.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vertaling beginnen naar العربية" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inhoud/*-*-*-*-*");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("معلومات من بلدية كاتفيك");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tekst (Markdown)" }).FillAsync("## إلى أين تذهب؟\n\nيعمل مسؤول ملفك في مكتب العمل.");
        await page.GetByLabel("Wat veranderde er?").FillAsync("Arabische vertaling.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        Assert.Contains("is gepubliceerd", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        await participant.ReloadAsync();
        Assert.Contains("يعمل مسؤول ملفك في مكتب العمل.", await participant.Locator("main").InnerTextAsync());
    }
}
