using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>A participant on a phone gets the small film without any script choosing it (the browser
/// picks the first <c>&lt;source&gt;</c> whose media query fits), and it plays; a wide screen gets the
/// 720p film. The index's thumbnails load as WebP.</summary>
public sealed class FilmRenditionJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_phone_plays_the_small_film_and_a_wide_screen_gets_the_720p_one()
    {
        await using var context = await portal.NewContextAsync("so");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/so/video/het-gesprek");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentSrc !== ''");
        Assert.EndsWith("/files/nl/het-gesprek-video-360p/2", await page.EvaluateAsync<string>("() => document.querySelector('video').currentSrc"));
        // The film a phone plays is the one "Bewaar voor offline" keeps.
        Assert.Contains(new Uri(await page.EvaluateAsync<string>("() => document.querySelector('video').currentSrc")).AbsolutePath,
            (await page.GetAttributeAsync("[data-offline-save]", "data-offline-files"))!.Split(' '));

        await page.EvaluateAsync("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 0.5");
        Assert.Equal(640, await page.EvaluateAsync<int>("() => document.querySelector('video').videoWidth"));
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "film-360p-phone.png"));

        var wide = await context.NewPageAsync();
        await wide.SetViewportSizeAsync(1280, 800);
        await wide.GotoAsync("/so/video/het-gesprek");
        await wide.WaitForFunctionAsync("() => document.querySelector('video').currentSrc !== ''");
        Assert.EndsWith("/files/nl/het-gesprek-video/3", await wide.EvaluateAsync<string>("() => document.querySelector('video').currentSrc"));
    }

    [Fact]
    public async Task The_participants_index_loads_webp_thumbnails()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar/informatie");
        var images = page.Locator(".card__image");
        // One thumbnail per film: the six films of content/video.
        Assert.Equal(6, await images.CountAsync());
        for (var i = 0; i < 6; i++)
        {
            var image = images.Nth(i);
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("(img) => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
            Assert.Contains("-webp/", await image.EvaluateAsync<string>("img => img.currentSrc"));
        }
        await Screenshots.SaveAsync(page, Path.Combine(BrowserPortal.Artifacts, "participants-thumbnails-ar.png"), fullPage: true);
    }
}
