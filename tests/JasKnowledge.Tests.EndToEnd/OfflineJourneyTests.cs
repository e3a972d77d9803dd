using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A participant on prepaid data keeps a sheet and a film for use without internet ("Bewaar
/// voor offline"), opens them with the phone offline, and finds everything else explained on the offline
/// page in their own language. Also: what happens when saving cannot work. These tests have a portal of
/// their own, because one of them publishes a new version of a sheet.</summary>
public sealed class OfflineJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Sheet = "/ar/informatie/de-zorgverzekering";
    private const string Film = "/ar/video/het-gesprek";

    [Fact]
    public async Task An_arabic_participant_keeps_a_sheet_and_a_film_and_opens_them_offline()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Sheet);
        await WaitForWorkerAsync(page);
        var saveSheet = page.Locator("[data-offline-action=save]");
        // The size is shown before the visitor agrees, in their language.
        Assert.Matches(@"\(حوالي \u2066[\d٫,.]+\skB\u2069\)", await saveSheet.InnerTextAsync());
        await SaveAsync(page);
        await Axe.AssertNoViolationsAsync(page, "offline-ar-sheet-saved");
        var sheetTitle = await page.Locator("h1").InnerTextAsync();

        await page.GotoAsync(Film);
        await SaveAsync(page);
        var filmTitle = await page.Locator("h1").InnerTextAsync();
        await page.GotoAsync("/ar/informatie"); // visited, not kept on purpose: the worker keeps it anyway

        await context.SetOfflineAsync(true);

        await page.GotoAsync(Sheet);
        Assert.Equal(sheetTitle, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var pdf = await page.Locator("a[href^='/files/ar/de-zorgverzekering-pdf/']").GetAttributeAsync("href");
        Assert.Equal(200, await page.EvaluateAsync<int>("async (url) => (await fetch(url)).status", pdf));
        // The kept copy looks as it did: the stylesheet came from the cache too.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"));

        await page.GotoAsync(Film);
        Assert.Equal(filmTitle, await page.Locator("h1").InnerTextAsync());
        await AssertPlaysWithSubtitlesAsync(page, "ar");

        await page.GotoAsync("/ar/informatie");
        Assert.Equal(1, await page.Locator(".cards").CountAsync());

        // A page that was neither kept nor opened before: the offline page, in Arabic, listing what is kept.
        await page.GotoAsync("/ar/informatie/je-mentor");
        Assert.Equal("أنت غير متصل بالإنترنت", await page.Locator("h1").InnerTextAsync());
        var kept = page.Locator("[data-offline-list] a");
        await kept.First.WaitForAsync();
        var keptTitles = await kept.AllInnerTextsAsync();
        Assert.Equal(2, keptTitles.Count);
        Assert.Contains(sheetTitle, keptTitles);
        Assert.Contains(filmTitle, keptTitles);
        Assert.True(await page.Locator("[data-offline-empty]").IsHiddenAsync());
        await page.SetViewportSizeAsync(360, 740);
        await Axe.AssertNoViolationsAsync(page, "offline-ar-offline-page-360");

        await context.SetOfflineAsync(false);
        await page.GotoAsync(Sheet);
        await page.Locator("[data-offline-action=remove]").ClickAsync();
        await page.Locator("[data-offline-action=save]").WaitForAsync();
        Assert.Equal(await Text(page, "removed"), await page.Locator("[data-offline-status]").InnerTextAsync());
        Assert.DoesNotContain(Sheet, await KeptPagesAsync(page));
        Assert.Contains(Film, await KeptPagesAsync(page));
    }

    [Fact]
    public async Task A_somali_participant_on_a_phone_keeps_all_films_at_once_beside_the_sheets_and_watches_one_offline()
    {
        await using var context = await portal.NewContextAsync("so");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        const string index = "/so/informatie";
        const string oneFilm = "/so/video/je-klantmanager";
        // One film kept on its own page first: keeping and dropping all films must leave that one intact.
        await page.GotoAsync(oneFilm);
        await WaitForWorkerAsync(page);
        await SaveAsync(page);
        var oneFilmFiles = (await page.GetAttributeAsync("[data-offline-save]", "data-offline-files"))!.Split(' ');

        await page.GotoAsync(index);
        var films = page.Locator("[data-offline-page='/so/informatie#videos']");
        var sheets = page.Locator("[data-offline-page='/so/informatie']");
        await films.WaitForAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        // Right under the films' list, its size in megabytes on the button, before the sheets' own offer.
        Assert.Matches(@"MB", await films.Locator("[data-offline-action=save]").InnerTextAsync());
        await sheets.Locator("[data-offline-action=save]").ClickAsync();
        await WaitForBlockStatusAsync(sheets, "saved");
        await films.Locator("[data-offline-action=save]").ClickAsync();
        await WaitForBlockStatusAsync(films, "saved");
        Assert.True(await films.Locator("[data-offline-action=remove]").IsVisibleAsync());
        Assert.True(await sheets.Locator("[data-offline-action=remove]").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "offline-so-all-films-saved-360");
        Assert.Equal(360, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        var filmPages = (await films.GetAttributeAsync("data-offline-pages"))!.Split(' ');
        var filmTitle = await page.Locator($"a[href='{filmPages[^1]}']").InnerTextAsync();
        var copyTitle = await films.GetAttributeAsync("data-offline-title");
        Assert.Equal("Dhammaan muuqaallada", copyTitle);

        await context.SetOfflineAsync(true);
        // The last film of the list, never opened before: it plays from the copy, with its subtitles.
        await page.GotoAsync(filmPages[^1]);
        Assert.Equal(filmTitle, await page.Locator("h1").InnerTextAsync());
        await AssertPlaysWithSubtitlesAsync(page, null);
        // On a wide screen (a tablet, a laptop) the page offers the large film first, which was not kept: the small one plays.
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(filmPages[0]);
        await AssertPlaysWithSubtitlesAsync(page, null);
        await page.SetViewportSizeAsync(360, 740);

        // The offline page lists the films' copy under its own title and leads back to the list of films.
        await page.GotoAsync("/so/gemeenten");
        var kept = page.Locator("[data-offline-list] a");
        await kept.First.WaitForAsync();
        Assert.Equal(3, await kept.CountAsync());
        var allFilms = page.Locator("[data-offline-list] a[href='/so/informatie#videos']");
        Assert.Equal(copyTitle, await allFilms.InnerTextAsync());
        await allFilms.ClickAsync();
        await page.Locator("#videos").WaitForAsync();
        Assert.Equal(6, await page.Locator("section[aria-labelledby=videos] .card").CountAsync());

        // Dropping all films keeps the page (the sheets' copy needs it) and the film kept on its own.
        await context.SetOfflineAsync(false);
        await page.GotoAsync(index);
        await films.Locator("[data-offline-action=remove]").ClickAsync();
        await WaitForBlockStatusAsync(films, "removed");
        var left = await KeptFilesAsync(page);
        Assert.Contains(index, left);
        foreach (var file in oneFilmFiles) Assert.Contains(file, left);
        Assert.DoesNotContain(left, file => file.Contains("-video-360p/", StringComparison.Ordinal)
            && !oneFilmFiles.Contains(file));
        Assert.Equal([index, oneFilm], (await KeptPagesAsync(page)).Order().ToArray());
    }

    [Fact]
    public async Task A_kept_sheet_is_renewed_on_the_next_visit_after_a_new_version_is_published()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        const string mentor = "/ar/informatie/je-mentor";
        await page.GotoAsync(mentor);
        await WaitForWorkerAsync(page);
        await SaveAsync(page);

        var title = await page.Locator("h1").InnerTextAsync();

        // Published while the visitor is away; their next visit online, on any page, renews the copy and says so.
        const string first = "هذه جملة جديدة للاختبار.";
        await AppendToMentorSheetAsync(first);
        await page.EvaluateAsync("() => localStorage.removeItem('jas-offline-checked')"); // the ten-minute pause since the last check
        await page.GotoAsync("/ar/informatie");
        var notice = page.Locator("main .notice[role=status]");
        await notice.WaitForAsync();
        Assert.Contains(title, await notice.InnerTextAsync());
        Assert.Contains(first, await page.EvaluateAsync<string>(
            "async (url) => { const r = await (await caches.open('jas-saved')).match(url); return r.text(); }", mentor));

        // Published again; this time the visitor opens the kept page itself, which renews its own copy.
        const string added = "وهذه جملة ثانية للاختبار.";
        await AppendToMentorSheetAsync(added);
        await page.GotoAsync(mentor);
        var status = page.Locator("[data-offline-status]");
        await page.WaitForFunctionAsync(
            "(expected) => document.querySelector('[data-offline-status]').textContent === expected", await Text(page, "updated"));
        Assert.Contains(added, await status.EvaluateAsync<string>(
            "async () => { const r = await (await caches.open('jas-saved')).match(location.pathname); return r.text(); }"));

        await context.SetOfflineAsync(true);
        await page.GotoAsync(mentor);
        Assert.Contains(added, await page.Locator("main").InnerTextAsync());
        await context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task Saving_without_a_connection_or_without_room_says_so_and_keeps_nothing()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Film);
        await WaitForWorkerAsync(page);

        await context.SetOfflineAsync(true);
        await page.Locator("[data-offline-action=save]").ClickAsync();
        await WaitForStatusAsync(page, "download");
        Assert.Empty(await KeptFilesAsync(page));
        await context.SetOfflineAsync(false);

        // A phone whose storage is full: the quota is checked against the size before anything is fetched.
        var session = await context.NewCDPSessionAsync(page);
        await session.SendAsync("Storage.overrideQuotaForOrigin", new Dictionary<string, object>
        {
            ["origin"] = portal.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["quotaSize"] = 50_000,
        });
        await page.Locator("[data-offline-action=save]").ClickAsync();
        await WaitForStatusAsync(page, "quota");
        Assert.Empty(await KeptFilesAsync(page));
        Assert.True(await page.Locator("video").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "offline-ar-film-quota");
    }

    [Fact]
    public async Task A_browser_without_service_workers_is_told_so_and_the_page_keeps_working()
    {
        await using var context = await portal.NewContextAsync("ar", ServiceWorkerPolicy.Block);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Sheet);
        var status = page.Locator("[data-offline-status]");
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-offline-status]').textContent.length > 0");
        Assert.Equal(await Text(page, "unsupported"), await status.InnerTextAsync());
        Assert.True(await page.Locator("[data-offline-action=save]").IsHiddenAsync());
        var pdf = await page.Locator("a[href^='/files/ar/de-zorgverzekering-pdf/']").GetAttributeAsync("href");
        Assert.Equal(200, await page.EvaluateAsync<int>("async (url) => (await fetch(url)).status", pdf));
    }

    [Fact]
    public async Task Without_javascript_nothing_of_it_shows()
    {
        await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "ar",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Sheet);
        Assert.True(await page.Locator("[data-offline-save]").IsHiddenAsync());
        Assert.True(await page.Locator("a[href^='/files/ar/de-zorgverzekering-pdf/']").IsVisibleAsync());
    }

    private async Task AppendToMentorSheetAsync(string sentence)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var id = await db.ContentItems.Where(i => i.Type == "info-sheet" && i.Slug == "je-mentor" && i.Culture == "ar")
            .Select(i => i.Id).SingleAsync();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var item = (await store.FindAsync(id))!;
        var latest = item.Current!;
        await store.PublishNewVersionAsync(
            item, new VersionText(latest.Title, latest.Body + "\n\n" + sentence,
                latest.Summary, latest.Fields, "test", false, latest.SourceVersion), "test");
    }

    /// <summary>The page's film plays for a second (muted, as a browser allows without a tap) and shows subtitles with cues, in
    /// <paramref name="language"/> when one is named.</summary>
    private static async Task AssertPlaysWithSubtitlesAsync(IPage page, string? language)
    {
        var played = await page.EvaluateAsync<double>(@"async () => {
            const video = document.querySelector('video');
            video.muted = true;
            // A player with nothing it can load may never settle play()'s promise: the wait is bounded either way.
            await Promise.race([video.play().catch(() => {}), new Promise(r => setTimeout(r, 20000))]);
            const start = Date.now();
            while (video.currentTime < 1 && Date.now() - start < 20000) await new Promise(r => setTimeout(r, 200));
            return video.error ? -1 : video.currentTime;
        }");
        Assert.True(played >= 1, $"the film should play without a connection; it reached {played} s");
        await page.WaitForFunctionAsync(
            "(language) => [...document.querySelector('video').textTracks]"
            + ".some(t => (!language || t.language === language) && t.mode === 'showing' && t.cues && t.cues.length > 0)", language);
    }

    private static async Task WaitForWorkerAsync(IPage page)
    {
        await page.Locator("[data-offline-save]:not([hidden])").WaitForAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.Locator("[data-offline-action=save]").ClickAsync();
        await WaitForStatusAsync(page, "saved");
        Assert.True(await page.Locator("[data-offline-action=remove]").IsVisibleAsync());
        Assert.Contains(new Uri(page.Url).AbsolutePath, await KeptPagesAsync(page));
    }

    private static async Task WaitForBlockStatusAsync(ILocator block, string key)
    {
        var expected = await block.Locator($"[data-offline-text={key}]").TextContentAsync();
        await Assertions.Expect(block.Locator("[data-offline-status]")).ToHaveTextAsync(expected!);
    }

    private static async Task WaitForStatusAsync(IPage page, string key) =>
        await page.WaitForFunctionAsync(
            "(expected) => document.querySelector('[data-offline-status]').textContent === expected", await Text(page, key));

    private static Task<string> Text(IPage page, string key) =>
        page.Locator($"[data-offline-text={key}]").First.TextContentAsync().ContinueWith(t => t.Result ?? "");

    private static Task<string[]> KeptPagesAsync(IPage page) => page.EvaluateAsync<string[]>(@"async () => {
        const index = await (await caches.open('jas-saved')).match('/offline/saved.json');
        return index ? (await index.json()).map(e => e.page) : [];
    }");

    private static Task<string[]> KeptFilesAsync(IPage page) => page.EvaluateAsync<string[]>(
        "async () => (await (await caches.open('jas-saved')).keys()).map(r => new URL(r.url).pathname)");
}
