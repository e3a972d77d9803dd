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
}

public sealed class SqlitePageWeightTests(SqlitePortal fixture, ITestOutputHelper output) : PageWeightTests<SqlitePortal>(fixture, output);
public sealed class PostgresPageWeightTests(PostgresPortal fixture, ITestOutputHelper output) : PageWeightTests<PostgresPortal>(fixture, output);
