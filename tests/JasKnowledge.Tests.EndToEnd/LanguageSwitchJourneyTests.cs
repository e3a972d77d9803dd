using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A visitor opens the portal, switches to Arabic and gets a right-to-left page; both pages
/// pass axe without violations.</summary>
public sealed class LanguageSwitchJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_visitor_switches_to_arabic_and_both_pages_are_accessible()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/nl", page.Url);
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page, "home-nl");

        // Listen for the navigation before clicking; a full run once timed out here under load.
        var switcher = page.GetByRole(AriaRole.Navigation, new() { Name = "Kies een taal" });
        // On a phone the languages are folded into a compact switcher (a <details>): open it first.
        await switcher.Locator("summary").ClickAsync();
        var arabic = switcher.GetByRole(AriaRole.Link, new() { Name = "العربية" });
        await Task.WhenAll(page.ArrivedAtAsync("**/ar"), arabic.ClickAsync());

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
        await Axe.AssertNoViolationsAsync(page, "home-ar");

        // The choice is remembered: the next visit to "/" goes to Arabic although the browser says Dutch.
        await page.GotoAsync("/");
        Assert.EndsWith("/ar", page.Url);
    }

    [Fact]
    public async Task The_skip_link_moves_keyboard_users_to_the_content()
    {
        await using var context = await portal.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/en");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("Skip to content", (await focused.InnerTextAsync()).Trim());
        Assert.True(await focused.IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        // Following a fragment link is asynchronous: wait for it rather than read the URL at once.
        await page.ArrivedAtAsync("**/en#inhoud");
        Assert.Equal("inhoud", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
