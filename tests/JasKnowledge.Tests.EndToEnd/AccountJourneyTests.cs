using JasKnowledge.Data.Accounts;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>An administrator invites a translator with a single-use link; the translator chooses a
/// password, enrols the authenticator app (the code computed from the key the page shows), keeps the
/// recovery codes, signs in again in another browser with password and code, and signs out. On a phone the
/// administrator then resets the translator's second factor, asked first. axe checks every page.</summary>
[Collection(SignInJourneys.Name)]
public sealed class AccountJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_administrator_invites_a_user_who_enrols_two_factor_and_signs_in()
    {
        const string adminPassword = "Beheer-Wachtwoord-2026";
        var adminEmail = await portal.CreateAccountAsync(PortalRoles.Administrator, adminPassword, mustChangePassword: false);
        await using var adminContext = await portal.NewContextAsync("nl-NL");
        var admin = await adminContext.NewPageAsync();
        await admin.SetViewportSizeAsync(1280, 900);
        await BrowserPortal.SignInAsync(admin, adminEmail, adminPassword);
        await admin.ArrivedAtAsync("**/beheer");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Gebruikers: uitnodigen, rollen en toegang" }).ClickAsync();
        await admin.ArrivedAtAsync("**/beheer/gebruikers");
        await Axe.AssertNoViolationsAsync(admin, "beheer-users");

        var email = $"vertaler-{Guid.NewGuid():N}@example.nl";
        await admin.GetByLabel("E-mailadres").FillAsync(email);
        await admin.GetByLabel("Rol").SelectOptionAsync(PortalRoles.Translator);
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "ትግርኛ (ti)" }).CheckAsync(); // an agency for Tigrinya
        await admin.GetByLabel("Met een uitnodigingslink").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        var link = (await admin.Locator("#invitation-link").InnerTextAsync()).Trim();
        Assert.Contains("/beheer/uitnodiging/", link);
        await Axe.AssertNoViolationsAsync(admin, "beheer-users-invited");
        Assert.Contains("vertaler: ti", await admin.GetByRole(AriaRole.Row, new() { Name = email }).InnerTextAsync());
        await admin.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await admin.ArrivedAtAsync("**/beheer/gebruikers/*");
        await Axe.AssertNoViolationsAsync(admin, "beheer-user");

        await using var userContext = await portal.NewContextAsync("nl-NL");
        var page = await userContext.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await Axe.AssertNoViolationsAsync(page, "beheer-invitation");
        const string own = "vertalen is mijn vak sinds jaren";
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(own);
        await page.GetByLabel("Nieuw wachtwoord, nog een keer").FillAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/tweestapsverificatie");
        await Axe.AssertNoViolationsAsync(page, "beheer-two-factor");
        Assert.True(
            await page.GetByRole(AriaRole.Img, new() { Name = "QR-code met de sleutel voor uw authenticator-app" })
            .EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code uit de app").FillAsync(await Totp.FreshAsync(email, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
        Assert.Equal(10, await page.Locator("ul.recovery-codes li").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "beheer-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verder naar het beheer" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer");
        await Axe.AssertNoViolationsAsync(page, "beheer-home-enrolled");

        // Another browser: password, then the code from the app.
        await using var laterContext = await portal.NewContextAsync("nl-NL");
        page = await laterContext.NewPageAsync();
        await page.GotoAsync("/beheer/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inloggen/tweede-stap**");
        await Axe.AssertNoViolationsAsync(page, "beheer-second-step-journey");
        await BrowserPortal.EnterCodeAsync(page, email, key);
        await page.ArrivedAtAsync("**/beheer");
        Assert.Contains(email, await page.Locator("main").InnerTextAsync());

        // The translator's work is Tigrinya: the page says so and offers only Tigrinya to import.
        await page.GotoAsync("/beheer/vertalingen");
        await Assertions.Expect(page.Locator("#own-languages")).ToContainTextAsync("U vertaalt naar ትግርኛ (ti).");
        Assert.Equal(["ti"], await page.Locator("#xliff-lang option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await Axe.AssertNoViolationsAsync(page, "beheer-translations-own-languages");

        // Signing out, from the header of the page they are on, ends on the sign-in page, which says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.ArrivedAtAsync("**/beheer/inloggen?uitgelogd=ja");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("U bent uitgelogd");

        // On a phone, the administrator resets the translator's second factor: the first press asks, "ja" does it.
        await admin.SetViewportSizeAsync(360, 800);
        await admin.ReloadAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie opnieuw laten instellen" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-action")).ToContainTextAsync("stelt de gebruiker de tweestapsverificatie opnieuw in");
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Axe.AssertNoViolationsAsync(admin, "beheer-user-question");
        Assert.Contains("Tweestapsverificatie\naan", await admin.Locator("main dl").InnerTextAsync());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ja, opnieuw laten instellen" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync("De tweestapsverificatie is gewist");
        Assert.Contains("Tweestapsverificatie\nuit", await admin.Locator("main dl").InnerTextAsync());
    }
}
