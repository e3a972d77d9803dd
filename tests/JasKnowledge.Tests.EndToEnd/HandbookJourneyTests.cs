using System.Security.Cryptography;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>The journeys of municipal staff (find and download the handbook, trust the file) and of a
/// trainer (open a session sheet and print it).</summary>
public sealed class HandbookJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Municipal_staff_download_the_latest_pdf_and_its_hash_matches_the_page()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Handboek" }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek");
        await Axe.AssertNoViolationsAsync(page, "handbook-home");

        // The page says how to check a download, where it shows the codes.
        await Assertions.Expect(page.Locator(".edition-box .hint")).ToContainTextAsync("sha256sum of Get-FileHash");
        var pdf = page.Locator(".edition-box li").Filter(new() { Has = page.Locator("a[data-format='PDF']") });
        var shown = (await pdf.Locator("code[data-sha256]").InnerTextAsync()).Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => pdf.GetByRole(AriaRole.Link).ClickAsync());
        var path = Path.Combine(BrowserPortal.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        await using var file = File.OpenRead(path);
        Assert.Equal(shown, Convert.ToHexStringLower(await SHA256.HashDataAsync(file)));
        Assert.Matches(@"^het-gesprek-handboek-[\d.]+\.pdf$", download.SuggestedFilename);
    }

    [Fact]
    public async Task Municipal_staff_see_every_edition_and_an_old_one_points_to_the_newest()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/handboek");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alle edities en wat er veranderde" }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/edities");
        Assert.True(await page.Locator("section.edition").CountAsync() >= 2);
        await Axe.AssertNoViolationsAsync(page, "handbook-editions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Editie 1.0", Exact = true }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/edities/1.0");
        var notice = page.Locator(".notice--outdated");
        Assert.Contains("is niet de nieuwste", await notice.InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page, "handbook-edition-old");

        await notice.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(0, await page.Locator(".notice--outdated").CountAsync());
    }

    [Fact]
    public async Task A_trainer_opens_a_session_sheet_that_is_accessible_and_prints_without_navigation()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/handboek");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sessieblad 1", Exact = true }).ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/sessie-1-nederland-en-jij/sessie");
        Assert.StartsWith("Sessie 1", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("button[data-print]").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "session-sheet");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator(".main-menu").IsVisibleAsync());
        Assert.False(await page.Locator("button[data-print]").IsVisibleAsync());
        Assert.Equal("page", await page.Locator(".handout").EvaluateAsync<string>("e => getComputedStyle(e).breakBefore"));
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "session-sheet-print.png"), fullPage: true);
    }

    [Fact]
    public async Task A_trainer_reads_a_chapter_jumps_within_it_and_goes_to_the_next()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/handboek/sessie-3-solidariteit-en-meedoen");
        await Axe.AssertNoViolationsAsync(page, "handbook-chapter");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Op deze pagina" })
            .GetByRole(AriaRole.Link, new() { Name = "Gespreksvragen" }).ClickAsync();
        Assert.EndsWith("#gespreksvragen", page.Url);
        Assert.True(await page.Locator("#gespreksvragen").IsVisibleAsync());

        await page.Locator("a[rel=next]").ClickAsync();
        await page.ArrivedAtAsync("**/nl/handboek/sessie-4-werk-inkomen-en-de-uitkering");
    }

    [Fact]
    public async Task The_downloads_pages_pass_axe_in_dutch_and_in_arabic()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        foreach (var (url, name) in new[] { ("/nl/downloads", "downloads-nl"), ("/ar/downloads", "downloads-ar"),
            ("/nl/downloads/nl/het-gesprek-handboek-pdf", "download-history"), ("/ar/handboek", "handbook-home-ar") })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await Axe.AssertNoViolationsAsync(page, name);
        }

        // A trainer looking for a film's poster unfolds the pictures, without JavaScript's help (a details element).
        await page.GotoAsync("/nl/downloads");
        var pictures = page.Locator("#taal-nl ~ details.file-pictures");
        var poster = pictures.GetByRole(AriaRole.Link, new() { Name = "Download Film: Je mentor (afbeelding), versie" }).First;
        await Assertions.Expect(poster).ToBeHiddenAsync();
        await pictures.Locator("summary").ClickAsync();
        await Assertions.Expect(poster).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "downloads-nl-pictures");

        // A language other than the page's is folded; its files appear when it is unfolded, also without JavaScript.
        var arabic = page.Locator("#taal-ar ~ details.file-fold");
        var arabicSheet = arabic.Locator(".file-card").First;
        await Assertions.Expect(arabicSheet).ToBeHiddenAsync();
        await arabic.Locator("summary").ClickAsync();
        await Assertions.Expect(arabicSheet).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "downloads-nl-arabic-unfolded");
    }
}
