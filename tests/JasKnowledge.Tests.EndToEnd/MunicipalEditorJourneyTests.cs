using JasKnowledge.Data.Accounts;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A municipal editor of Oegstgeest: first sign-in with a one-time password and the code of the
/// authenticator app, a new password,
/// the municipality's programme edited, the differences previewed, published with a change note, and
/// the public page changed. axe checks every back-office page on the way.</summary>
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
}
