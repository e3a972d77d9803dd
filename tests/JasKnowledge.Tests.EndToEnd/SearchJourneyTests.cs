using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>Searching on a phone: from the search field in the header to the page that was meant,
/// with filters that are plain links, and the same in Arabic, right to left.</summary>
public sealed class SearchJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_trainer_searches_an_inflected_word_filters_to_the_handbook_and_opens_the_session()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl");
        await page.GetByLabel("Zoeken op deze site").FillAsync("participatieverklaringen");
        await page.GetByLabel("Zoeken op deze site").PressAsync("Enter");
        await page.ArrivedAtAsync("**/nl/zoeken?q=participatieverklaringen");
        Assert.Equal(
            "participatieverklaringen", await page.GetByLabel("Zoek in het handboek, de informatie, de video's en de downloads").InputValueAsync());
        Assert.True(await page.Locator(".search-hit mark").CountAsync() > 0, await page.Locator("main").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "search-nl-results");

        await page.Locator(".search-filters a[href*='type=handbook-chapter']").ClickAsync();
        await page.ArrivedAtAsync("**type=handbook-chapter**");
        var hits = page.Locator(".search-hit");
        Assert.True(await hits.CountAsync() > 0);
        for (var i = 0; i < await hits.CountAsync(); i++)
            Assert.StartsWith("/nl/handboek/", await hits.Nth(i).Locator("h2 a").GetAttributeAsync("href"));

        await page.Locator(".search-hit a[href='/nl/handboek/sessie-9-de-participatieverklaring']").ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/sessie-9-de-participatieverklaring");
        Assert.Contains("Participatieverklaring", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Ten_thousand_Tigrinya_letters_reach_the_real_server_and_are_cut_with_a_notice()
    {
        // Through Kestrel itself (the integration tests' test server has no request-line limit): 75 KB of URL, which
        // Kestrel's default 8 KB refused with an empty 414 (the attack of 5 December 2026).
        var text = string.Concat(Enumerable.Repeat("ስራሕ ", 2_500));
        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        using var page = await http.GetAsync("/ti/zoeken?q=" + Uri.EscapeDataString(text));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches("<p class=\"notice\" role=\"status\">[^<]*200", html);
        Assert.Contains("class=\"search-hit\"", html);
        using var api = await http.GetAsync("/api/v1/search?lang=ti&q=" + Uri.EscapeDataString(text));
        Assert.Equal(System.Net.HttpStatusCode.OK, api.StatusCode);
        var answer = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.InRange(answer.GetProperty("query").GetString()!.Length, 190, 200);
        Assert.True(answer.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task A_participant_pages_on_through_the_results_and_back()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/nl/zoeken?q=gesprek");
        var firstPage = await HitLinksAsync(page);
        await page.Locator("a[rel=next]").ClickAsync();
        await page.ArrivedAtAsync("**/nl/zoeken?q=gesprek&page=2");
        var secondPage = await HitLinksAsync(page);
        Assert.Equal(10, secondPage.Length);
        Assert.Empty(firstPage.Intersect(secondPage));
        await Assertions.Expect(page.Locator("[aria-current=page]")).ToContainTextAsync("2");
        await Axe.AssertNoViolationsAsync(page, "search-nl-page-2");
        await page.Locator("a[rel=prev]").ClickAsync();
        await page.ArrivedAtAsync("**/nl/zoeken?q=gesprek");
        Assert.Equal(firstPage, await HitLinksAsync(page));
    }

    private static Task<string[]> HitLinksAsync(IPage page) =>
        page.Locator(".search-hit h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    [Fact]
    public async Task An_arabic_speaker_finds_the_sheet_about_health_insurance_in_arabic()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar/informatie");
        await page.Locator("#site-search-q").FillAsync("التأمين");
        await page.Locator(".site-search button").ClickAsync();
        await page.ArrivedAtAsync("**/ar/zoeken?q=**");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var hit = page.Locator(".search-hit a[href='/ar/informatie/de-zorgverzekering']");
        Assert.True(await hit.IsVisibleAsync());
        // Only Arabic results by default: the visitor's language.
        foreach (var culture in await page.Locator(".search-hit").EvaluateAllAsync<string[]>("els => els.map(e => e.lang)"))
            Assert.Equal("ar", culture);
        await Axe.AssertNoViolationsAsync(page, "search-ar-results");

        await hit.ClickAsync();
        await page.ArrivedAtAsync("**/ar/informatie/de-zorgverzekering");
    }

    [Theory]
    [InlineData("nl", "pauze", "/nl/handboek/rol-van-de-trainer", "Signalen van trauma en doorverwijzen")]
    [InlineData("ar", "محاميًا", "/ar/informatie/je-mentor", "ماذا لا يفعل المرشد؟")]
    public async Task A_hit_under_a_heading_leads_to_that_heading_not_to_the_top_of_a_long_page(
        string culture, string query, string url, string heading)
    {
        await using var context = await portal.NewContextAsync(culture);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{culture}/zoeken?q={Uri.EscapeDataString(query)}");
        var hit = page.Locator(".search-hit").Filter(new() { Has = page.Locator($"h2 a[href='{url}']") });
        var section = hit.Locator(".search-hit__section a");
        Assert.Equal(heading, await section.EvaluateAsync<string>("a => a.firstChild.textContent"));
        // Told apart from the same heading of another chapter by the hit's title, in its name (not shown twice).
        var title = (await hit.Locator("h2").InnerTextAsync()).Trim();
        await Assertions.Expect(hit.GetByRole(AriaRole.Link, new() { Name = $"{heading} — {title}", Exact = true })).ToHaveCountAsync(1);
        Assert.Equal(1, await section.Locator(".visually-hidden").CountAsync());
        await Axe.AssertNoViolationsAsync(page, $"search-{culture}-sections");

        await section.ClickAsync();
        await page.ArrivedAtAsync($"**{url}#*");
        // The page opened at the heading, which is marked as where the link led.
        var target = page.Locator(":target");
        Assert.Equal(heading, (await target.InnerTextAsync()).Trim());
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y, 0, 844 - box.Height);
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "the page did not move from its top");
        await Axe.AssertNoViolationsAsync(page, $"search-{culture}-section-landed");
    }

    [Fact]
    public async Task A_search_without_results_says_so_and_offers_all_languages()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        // A Tigrinya word that is not in the glossary (glossary terms find their Dutch synonyms) and that
        // the Tigrinya material uses: ኔዘርላንድ, the Netherlands.
        await page.GotoAsync("/nl/zoeken?q=" + Uri.EscapeDataString("ኔዘርላንድ"));
        Assert.Contains("Geen resultaten", await page.Locator("[role=status]").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "search-nl-none");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zoek in alle talen" }).ClickAsync();
        await page.ArrivedAtAsync("**lang=all**");
        Assert.True(await page.Locator(".search-hit[lang=ti]").CountAsync() > 0);
    }
}
