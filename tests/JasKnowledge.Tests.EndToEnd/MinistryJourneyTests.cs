using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A ministry visitor at a desk: from the adoption view, filtered to one province, to Leiden's
/// timeline and its differences from the blueprint, and the CSV export; then a comparison.</summary>
public sealed class MinistryJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_ministry_visitor_filters_to_zuid_holland_opens_leiden_and_downloads_the_csv()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/nl");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Gemeenten" }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/gemeenten");
        Assert.Equal(342, await page.Locator("svg.adoption-map path").CountAsync());
        await Axe.AssertNoViolationsAsync(page, "adoption-view");

        await page.GetByLabel("Provincie").SelectOptionAsync("Zuid-Holland");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ArrivedAtAsync("**provincie=Zuid-Holland**");
        Assert.Equal(50, await page.Locator(".adoption-table tbody tr").CountAsync());
        Assert.Contains("50 gemeenten na filteren", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "adoption-view-zuid-holland");

        var csv = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Alle gemeenten als CSV-bestand" }).ClickAsync());
        var path = Path.Combine(BrowserPortal.Artifacts, csv.SuggestedFilename);
        await csv.SaveAsAsync(path);
        Assert.Equal("gemeenten-24x24.csv", csv.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        Assert.Equal(343, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("0546,Leiden,Zuid-Holland,actief,", StringComparison.Ordinal));

        await page.Locator(".adoption-table").GetByRole(AriaRole.Link, new() { Name = "Leiden", Exact = true }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/gemeenten/leiden");
        var timeline = page.GetByRole(AriaRole.Table, new() { Name = "Het programma van Leiden: periodes en onderdelen" });
        Assert.True(await timeline.IsVisibleAsync());
        Assert.Equal(12, await timeline.Locator("tbody tr").CountAsync());
        var diff = page.Locator("table.diff");
        Assert.Contains("Periode 5", await diff.InnerTextAsync());
        Assert.True(await diff.Locator("ins", new() { HasTextString = "12 weken" }).CountAsync() > 0);
        Assert.Contains("samen", await page.Locator(".outcomes__scope").First.InnerTextAsync());
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "ministry-leiden.png"), fullPage: true);
        await Axe.AssertNoViolationsAsync(page, "municipality-leiden");
    }

    [Fact]
    public async Task A_ministry_visitor_compares_two_municipalities_from_the_table()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/nl/gemeenten?status=actief");
        await page.GetByLabel("Vergelijk Leiden").CheckAsync();
        await page.GetByLabel("Vergelijk Zoeterwoude").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergelijk de aangevinkte gemeenten (2 tot 4)" }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/gemeenten/vergelijken?g=0546&g=0638");
        var table = page.Locator("table.compare-table");
        Assert.Contains("Zoeterwoude", await table.Locator("thead").InnerTextAsync());
        Assert.Equal("0546", await page.GetByLabel("Gemeente 1").InputValueAsync());
        await Axe.AssertNoViolationsAsync(page, "compare");
        await page.GotoAsync("/nl/blauwdrukken/leidse-inburgering-2019");
        await Axe.AssertNoViolationsAsync(page, "blueprint");
    }
}
