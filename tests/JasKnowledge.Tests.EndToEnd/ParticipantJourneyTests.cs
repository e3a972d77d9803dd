using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;

namespace JasKnowledge.Tests.EndToEnd;

/// <summary>The participants' journeys on a phone-sized screen: choose a language first, watch a film
/// with subtitles in that language, read a sheet. And the trainer taking the session pack.</summary>
public sealed class ParticipantJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_arabic_speaker_chooses_arabic_watches_a_film_with_arabic_subtitles_and_reads_a_sheet()
    {
        await using var context = await portal.NewContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/talen");
        await Axe.AssertNoViolationsAsync(page, "participant-languages");

        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await page.ArrivedAtAsync("**/ar/informatie");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Axe.AssertNoViolationsAsync(page, "participant-ar-index");

        await page.Locator("a[href='/ar/video/het-gesprek']").ClickAsync();
        await page.ArrivedAtAsync("**/ar/video/het-gesprek");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ar", await page.GetAttributeAsync("track[default]", "srclang"));
        // The browser itself turns the default track on: the Arabic subtitles are the ones showing.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelector('video').textTracks].some(t => t.mode === 'showing' && t.language === 'ar')");
        Assert.Equal(8, await page.Locator("video track").CountAsync());
        Assert.True(await page.Locator(".transcript__cues li").CountAsync() >= 10);
        await Axe.AssertNoViolationsAsync(page, "participant-ar-video");

        await page.GotoAsync("/ar/informatie");
        await page.Locator("a[href='/ar/informatie/de-zorgverzekering']").ClickAsync();
        await page.ArrivedAtAsync("**/ar/informatie/de-zorgverzekering");
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.Locator("a[href^='/files/ar/de-zorgverzekering-pdf/']").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "participant-ar-sheet");
    }

    [Fact]
    public async Task A_tigrinya_speaker_reads_in_the_ethiopic_font_of_the_phone_or_of_the_portal()
    {
        await using var context = await portal.NewContextAsync("ti");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/talen");
        await page.GetByRole(AriaRole.Link, new() { Name = "ትግርኛ" }).ClickAsync();
        await page.ArrivedAtAsync("**/ti/informatie");
        await Axe.AssertNoViolationsAsync(page, "participant-ti-index");

        await page.Locator("a[href='/ti/video/je-klantmanager']").ClickAsync();
        await page.ArrivedAtAsync("**/ti/video/je-klantmanager");
        Assert.Equal("ti", await page.GetAttributeAsync("track[default]", "srclang"));
        // The phone's own copy when it has one (local() comes first, as on this machine), else the portal's.
        Assert.Contains("Noto Sans Ethiopic", await RenderedFontsAsync(page, "h1"));
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.fonts].some(f => f.family.includes('Noto Sans Ethiopic') && f.status === 'loaded')"));
        await Axe.AssertNoViolationsAsync(page, "participant-ti-video");

        await page.GotoAsync("/ti/informatie/je-mentor");
        Assert.Contains("Noto Sans Ethiopic", await RenderedFontsAsync(page, "article h1"));
        await Axe.AssertNoViolationsAsync(page, "participant-ti-sheet");
    }

    [Fact]
    public async Task A_dutch_page_downloads_no_web_font()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        var fonts = new List<string>();
        page.Request += (_, request) => { if (request.ResourceType == "font") fonts.Add(request.Url); };
        await page.GotoAsync("/nl/informatie/je-mentor");
        await page.EvaluateAsync("() => document.fonts.ready");

        Assert.Empty(fonts);
        Assert.DoesNotContain("(web font)", await RenderedFontsAsync(page, "article h1"));
    }

    [Fact]
    public async Task A_trainer_downloads_the_session_pack_in_the_languages_of_the_group()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/handboek/sessie-6-gezondheid-en-de-zorgverzekering");
        var materials = page.Locator(".session-materials");
        // The session takes both the sheet and the film of the same name to the group.
        Assert.True(await materials.Locator("a[href='/nl/informatie/de-zorgverzekering']").IsVisibleAsync());
        Assert.True(await materials.Locator("a[href='/nl/video/de-zorgverzekering']").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page, "trainer-session-materials");

        await materials.GetByLabel("العربية (ar)").CheckAsync();
        await materials.GetByLabel("ትግርኛ (ti)").CheckAsync();
        await materials.GetByLabel("Nederlands (nl)").UncheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => materials.GetByRole(AriaRole.Button).ClickAsync());
        var path = Path.Combine(BrowserPortal.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        Assert.Equal("het-gesprek-sessie-6-gezondheid-en-de-zorgverzekering-ar-ti.zip", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("informatie/ar/de-zorgverzekering.pdf", names);
        Assert.Contains("informatie/ti/de-zorgverzekering.pdf", names);
        Assert.Contains("sessie/sessie-6-gezondheid-en-de-zorgverzekering-hand-out.html", names);
        using var sums = new StreamReader(zip.GetEntry("SHA256SUMS")!.Open());
        foreach (var line in (await sums.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var entry = zip.GetEntry(line[66..])!.Open();
            Assert.Equal(line[..64], Convert.ToHexStringLower(await SHA256.HashDataAsync(entry)));
        }
    }

    [Fact]
    public async Task An_editor_reads_the_translation_status()
    {
        await using var context = await portal.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/nl/vertalingen");

        Assert.True(await page.Locator("td[data-state='current']").CountAsync() >= 12 * 7);
        await Axe.AssertNoViolationsAsync(page, "translation-status");
    }

    /// <summary>The font families Chromium actually used to draw the element's text (not the CSS
    /// font-family list, which names fonts whether or not they loaded).</summary>
    private static async Task<string> RenderedFontsAsync(IPage page, string selector)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var fonts = await cdp.SendAsync(
            "CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32() });
        return string.Join(", ", fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => $"{f.GetProperty("familyName").GetString()}{(f.GetProperty("isCustomFont").GetBoolean() ? " (web font)" : "")}"));
    }
}
