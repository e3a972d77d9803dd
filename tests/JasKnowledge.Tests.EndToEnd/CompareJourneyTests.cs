using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>Municipal staff who cite an edition see what changed in the next one: on a 360 px phone,
/// in Dutch and in Arabic (right to left), accessible, and without JavaScript.</summary>
public sealed class CompareJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("nl", "Vergelijken", "Editie 1.2 en 1.3 vergeleken")]
    [InlineData("ar", "قارن", "مقارنة الطبعة 1.2 بالطبعة 1.3")]
    public async Task Two_editions_are_picked_on_the_editions_page_and_compared_at_360_px(string culture, string button, string title)
    {
        await using var context = await portal.NewContextAsync(culture == "ar" ? "ar" : "nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/{culture}/handboek/edities");
        await Axe.AssertNoViolationsAsync(page, $"compare-form-{culture}");

        await page.Locator("#vergelijken-van").SelectOptionAsync("1.2");
        await page.Locator("#vergelijken-naar").SelectOptionAsync("1.3");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.ArrivedAtAsync($"**/{culture}/handboek/edities/1.2...1.3");

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".word-diff ins").CountAsync() > 0);
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ltr", await page.Locator(".word-diff").First.GetAttributeAsync("dir"));
        await Axe.AssertNoViolationsAsync(page, $"compare-editions-{culture}");
        // Nothing sticks out sideways: long words wrap inside the comparison.
        var overflow = await page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the 360 px screen.");

        // An unchanged chapter is folded away and opens without script.
        var unchanged = page.Locator("details.chapter-change--unchanged").First;
        Assert.False(await unchanged.Locator(".word-diff").IsVisibleAsync());
        await unchanged.Locator("summary").ClickAsync();
        Assert.True(await unchanged.Locator(".word-diff").IsVisibleAsync());
    }

    [Fact]
    public async Task The_form_works_without_javascript()
    {
        await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/handboek/edities");

        await page.Locator("#vergelijken-van").SelectOptionAsync("1.0");
        await page.Locator("#vergelijken-naar").SelectOptionAsync("1.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergelijken" }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/edities/1.0...1.1");

        Assert.Contains("verwachtingenmuur",
            await page.Locator("#hoofdstuk-sessie-9-de-participatieverklaring").Locator("xpath=..").InnerTextAsync());
    }
}
