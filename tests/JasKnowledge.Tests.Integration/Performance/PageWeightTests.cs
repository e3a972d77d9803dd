using System.Net;
using JasKnowledge.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace JasKnowledge.Tests.Integration.Performance;

/// <summary>
/// The page-weight budget (issue 9): every public page type in Dutch, Arabic and Tigrinya transfers at
/// most 60 KB of HTML, CSS and JavaScript when compressed. Fonts, images and video are excluded from
/// the budget; the fonts a page loads are reported next to it.
/// </summary>
public abstract class PageWeightTests<TFixture>(TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const int Budget = 60 * 1024;

    public static TheoryData<string> Pages()
    {
        string[] paths =
        [
            "", "/handboek", "/handboek/sessie-1-nederland-en-jij", "/handboek/sessie-1-nederland-en-jij/sessie", "/handboek/sessies",
            "/handboek/afdrukken", "/handboek/edities", "/handboek/edities/1.1", "/downloads", "/downloads/nl/het-gesprek-handboek-pdf",
            "/informatie", "/informatie/je-mentor", "/video/het-gesprek", "/over", "/toegankelijkheid", "/zoeken?q=gesprek",
            "/vertalingen", "/bestaat-niet",
        ];
        // The programmes module is in Dutch only (its readers are civil servants).
        var data = new TheoryData<string>
        {
            "/talen", "/nl/gemeenten", "/nl/gemeenten/leiden", "/nl/gemeenten/utrecht", "/nl/gemeenten/vergelijken?g=0546&g=0547",
            "/nl/blauwdrukken", "/nl/blauwdrukken/leidse-inburgering-2019",
        };
        foreach (var culture in new[] { "nl", "ar", "ti" })
            foreach (var path in paths) data.Add($"/{culture}{path}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_transfers_at_most_60_KB_of_html_css_and_js_compressed(string path)
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        var (total, fonts) = await PageWeight.MeasureAsync(client, html);

        output.WriteLine($"{path}: {total / 1024.0:F1} KB HTML+CSS+JS compressed; fonts {fonts / 1024.0:F1} KB (not in the budget)");
        Assert.True(total <= Budget, $"{path}: {total} bytes compressed, budget {Budget}");
    }

    [Fact]
    public async Task Stylesheets_and_scripts_have_fingerprinted_urls()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/ti/informatie/je-mentor");
        var assets = PageWeight.Links(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Concat(PageWeight.Links(html, "<script src=\"([^\"]+)\""))
            .ToList();
        Assert.NotEmpty(assets);
        // The build's fingerprint (MapStaticAssets) or asp-append-version's hash: a changed file gets a new URL.
        Assert.All(assets, url => Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$|\?v=[A-Za-z0-9_-]{20,}$", url));
    }

    [Fact]
    public async Task Fonts_are_named_by_their_content_and_cached_as_immutable()
    {
        var client = fixture.Factory.CreateClient();
        var fonts = new List<string>();
        foreach (var page in new[] { "/ar/informatie", "/ti/informatie" })
        {
            foreach (var stylesheet in PageWeight.Links(await client.GetStringAsync(page), "<link rel=\"stylesheet\" href=\"([^\"]+fonts-[^\"]+)\""))
                fonts.AddRange(PageWeight.Links(await client.GetStringAsync(stylesheet), "url\\(\"\\.\\./fonts/([^\"]+\\.woff2)\"\\)"));
        }
        Assert.Equal(4, fonts.Count);
        foreach (var font in fonts)
        {
            var response = await client.GetAsync("/_content/JasKnowledge.Theme/fonts/" + font);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];
            Assert.EndsWith($".{hash}.woff2", font);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        }
    }

    /// <summary>The fonts are cut to the block their languages write in (subset-fonts.sh), so a first visit on
    /// prepaid data stays light; a character the pages or the content use outside the cut would silently fall
    /// back to a system font.</summary>
    [Theory]
    [InlineData("/ar/informatie", 0x0600, 0x08FF, 0xFB50, 0xFEFF, 48)]
    [InlineData("/ti/informatie", 0x1200, 0x139F, 0x2D80, 0xAB2F, 96)]
    public async Task A_script_font_is_cut_to_its_block_and_covers_every_letter_of_the_portal(
        string page, int blockFrom, int blockTo, int extraFrom, int extraTo, int kilobytes)
    {
        var client = fixture.Factory.CreateClient();
        var html = await client.GetStringAsync(page);
        var stylesheet = PageWeight.Links(html, "<link rel=\"stylesheet\" href=\"([^\"]+fonts-[^\"]+)\"").Single();
        var css = await client.GetStringAsync(stylesheet);
        var (_, fonts) = await PageWeight.MeasureAsync(client, $"<link rel=\"stylesheet\" href=\"{stylesheet}\">");
        Assert.True(fonts <= kilobytes * 1024, $"{page}: fonts of {fonts} bytes");

        var ranges = System.Text.RegularExpressions.Regex.Matches(css, @"unicode-range:([^;]+);").Select(m => m.Groups[1].Value).Distinct().Single()
            .Split(',').Select(r => r.Trim()[2..].Split('-')).Select(r => (From: Convert.ToInt32(r[0], 16), To: Convert.ToInt32(r[^1], 16))).ToList();
        var texts = Directory.EnumerateFiles(ContentFolders.Shipped, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".vtt", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        foreach (var language in new[] { "/ar", "/fa", "/prs", "/ti" })
            texts.Add(await client.GetStringAsync(language + "/informatie/je-mentor"));
        var letters = texts.SelectMany(t => t.EnumerateRunes()).Select(r => r.Value)
            .Where(c => (c >= blockFrom && c <= blockTo) || (c >= extraFrom && c <= extraTo)).ToHashSet();
        Assert.True(letters.Count > 40, $"{page}: only {letters.Count} letters of the script found");
        var outside = letters.Where(c => !ranges.Any(r => c >= r.From && c <= r.To)).Select(c => $"U+{c:X4}").ToList();
        Assert.True(outside.Count == 0, $"{page}: the font leaves out {string.Join(", ", outside)}");
    }
}

public sealed class SqlitePageWeightTests(SqlitePortal fixture, ITestOutputHelper output) : PageWeightTests<SqlitePortal>(fixture, output);
public sealed class PostgresPageWeightTests(PostgresPortal fixture, ITestOutputHelper output) : PageWeightTests<PostgresPortal>(fixture, output);
