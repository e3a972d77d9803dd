using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Core.Modules;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>What crawlers and phones ask of the portal beyond its pages, with the shipped content on
/// both databases: robots.txt, the favicon and Apple touch icon, a web app manifest per language, a
/// sitemap that lists every public page with the same alternates as the page itself and the date of
/// the published version, and an Atom feed whose entries in other languages say their language.</summary>
public abstract partial class SitemapAndWebAppTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly (string Code, string Direction, string Information)[] Languages =
    [
        ("nl", "ltr", "Informatie voor deelnemers"), ("en", "ltr", "Information for participants"),
        ("ar", "rtl", "معلومات للمشاركين"),
        ("ti", "ltr", "ሓበሬታ ንተሳተፍቲ"), ("fa", "rtl", "اطلاعات برای شرکت‌کنندگان"),
        ("prs", "rtl", "معلومات برای اشتراک‌کنندگان"),
        ("so", "ltr", "Macluumaadka ka-qaybgalayaasha"), ("uk", "ltr", "Інформація для учасників"),
    ];
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\">")]
    private static partial Regex AlternateLink();

    [GeneratedRegex("href=\"(/[^\"#]*)")]
    private static partial Regex InternalLink();

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_back_office()
    {
        var client = Client();
        var response = await client.GetAsync("/robots.txt");
        var robots = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var sitemap = Regex.Match(robots, @"^Sitemap: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal(new Uri(client.BaseAddress!, "/sitemap.xml"), new Uri(sitemap));
        Assert.Contains("User-agent: *", robots);
        Assert.Contains("Disallow: /beheer/", robots);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(sitemap).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task The_favicon_and_the_apple_touch_icon_are_served_where_browsers_look_for_them()
    {
        var client = Client();
        var favicon = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType!.MediaType);
        var ico = await favicon.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 0, 1, 0], ico[..4]);                       // an ICO file
        Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(4)) >= 2, "the favicon holds one size only");

        var apple = await client.GetAsync("/apple-touch-icon.png");
        Assert.Equal(HttpStatusCode.OK, apple.StatusCode);
        Assert.Equal("image/png", apple.Content.Headers.ContentType!.MediaType);
        Assert.Equal((180, 180), PngSize(await apple.Content.ReadAsByteArrayAsync()));

        var home = await client.GetStringAsync("/nl");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", home);
        Assert.Contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">", home);
    }

    [Fact]
    public async Task Each_language_has_a_web_app_manifest_with_its_name_direction_and_icons()
    {
        var client = Client();
        foreach (var (code, direction, information) in Languages)
        {
            var page = await client.GetStringAsync($"/{code}/informatie");
            Assert.Contains($"<link rel=\"manifest\" href=\"/{code}/manifest.webmanifest\">", page);

            var response = await client.GetAsync($"/{code}/manifest.webmanifest");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
            using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = manifest.RootElement;
            Assert.Equal(code, root.GetProperty("lang").GetString());
            Assert.Equal(direction, root.GetProperty("dir").GetString());
            Assert.Equal($"JasKnowledge: {information}", root.GetProperty("name").GetString());
            var shortName = root.GetProperty("short_name").GetString()!;
            Assert.True(shortName.Length is > 0 and <= 12, $"{code}: short name '{shortName}'");
            Assert.StartsWith(shortName[..3], information, StringComparison.Ordinal);   // the same word, in the same script
            Assert.Equal($"/{code}/informatie", root.GetProperty("start_url").GetString());
            Assert.Equal("standalone", root.GetProperty("display").GetString());

            var icons = root.GetProperty("icons").EnumerateArray().ToList();
            foreach (var (size, purpose) in new[] { (192, "any"), (512, "any"), (512, "maskable") })
            {
                var icon = icons.Single(
                    i => i.GetProperty("sizes").GetString() == $"{size}x{size}" && i.GetProperty("purpose").GetString() == purpose);
                var image = await client.GetAsync(icon.GetProperty("src").GetString());
                Assert.Equal(HttpStatusCode.OK, image.StatusCode);
                Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
                Assert.Equal((size, size), PngSize(await image.Content.ReadAsByteArrayAsync()));
            }
        }
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_with_the_alternates_the_page_itself_names()
    {
        var client = Client();
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var entries = xml.Root!.Elements(Sitemap + "url").ToDictionary(
            u => new Uri(u.Element(Sitemap + "loc")!.Value).PathAndQuery,
            u => u.Elements(Xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, new Uri(l.Attribute("href")!.Value).PathAndQuery))
                .ToHashSet());

        foreach (var expected in new[] { "/talen", "/nl/gemeenten", "/nl/blauwdrukken", "/nl/gemeenten/leiden", "/nl/gemeenten/amsterdam",
            "/nl/blauwdrukken/24x24-2016", "/nl/handboek/sessies", "/nl/handboek/sessie-1-nederland-en-jij/sessie" })
            Assert.Contains(expected, entries.Keys);
        // Every municipality of the register has its page in the sitemap.
        var overview = await client.GetStringAsync("/nl/gemeenten");
        var municipalities = Regex.Matches(overview, "<th scope=\"row\"><a href=\"(/nl/gemeenten/[^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(342, municipalities.Count);
        Assert.All(municipalities, m => Assert.Contains(m, entries.Keys));

        var problems = new List<string>();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (location, alternates) in entries)
        {
            var response = await client.GetAsync(location);
            if (response.StatusCode != HttpStatusCode.OK) { problems.Add($"{location} answers {(int)response.StatusCode}"); continue; }
            var html = await response.Content.ReadAsStringAsync();
            var own = OwnAlternates(html);
            // A page that names only itself has no alternates; the sitemap then names none either.
            if (own.Count == 1 && own.Single().Url == location) own.Clear();
            if (!own.SetEquals(alternates))
                problems.Add($"{location}: the page names [{Describe(own)}], the sitemap [{Describe(alternates)}]");
            foreach (Match link in InternalLink().Matches(html)) linked.Add(link.Groups[1].Value.Split('?')[0]);
        }

        // Every page the listed pages link to is listed too, unless it is not a page of its own: a
        // redirect, a noindex page (search) or a page that shows another language's text and names
        // that language's page, not itself, among its alternates.
        foreach (var path in linked.Where(IsPagePath).Where(p => !entries.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains("<meta name=\"robots\" content=\"noindex", StringComparison.Ordinal)) continue;
            var own = OwnAlternates(html);
            if (own.Count > 0 && !own.Any(a => a.Url == path)) continue;
            problems.Add($"{path} is linked from a listed page but not in the sitemap");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public async Task The_sitemap_dates_each_published_page_by_its_published_version()
    {
        var client = Client();
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var lastmod = xml.Root!.Elements(Sitemap + "url").ToDictionary(
            u => new Uri(u.Element(Sitemap + "loc")!.Value).PathAndQuery,
            u => u.Element(Sitemap + "lastmod")?.Value);

        using var scope = fixture.Factory.Services.CreateScope();
        var urls = scope.ServiceProvider.GetRequiredService<ContentUrls>();
        var published = await scope.ServiceProvider.GetRequiredService<PublishedContent>().ListAsync(null, null);
        var checkedPages = 0;
        foreach (var (item, version) in published)
        {
            if (urls.For(item) is not { } url) continue;
            Assert.True(lastmod.TryGetValue(url, out var date), $"{url} is not in the sitemap");
            Assert.Equal(version.PublishedUtc!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), date);
            checkedPages++;
        }
        Assert.True(checkedPages > 100, $"only {checkedPages} published pages");
        Assert.All(lastmod.Values.OfType<string>(), d => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", d));
    }

    [Fact]
    public async Task The_atom_feed_gives_entries_in_other_languages_their_xml_lang()
    {
        var feed = XDocument.Parse(await Client().GetStringAsync("/feeds/editions.atom"));
        XNamespace xmlNs = XNamespace.Xml;
        Assert.Equal("nl", feed.Root!.Attribute(xmlNs + "lang")!.Value);

        var entries = feed.Root.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var languages = new HashSet<string>();
        foreach (var entry in entries)
        {
            // urn:jasknowledge:file:{culture}:{slug}:{version}
            var culture = entry.Element(Atom + "id")!.Value.Split(':')[3];
            var lang = entry.Attribute(xmlNs + "lang")?.Value;
            Assert.Equal(culture == "nl" ? null : culture, lang);
            languages.Add(culture);
        }
        Assert.Contains("ar", languages);
        Assert.Contains("ti", languages);
    }

    private static HashSet<(string Culture, string Url)> OwnAlternates(string html) =>
        AlternateLink().Matches(html).Select(m => (m.Groups[1].Value, new Uri(m.Groups[2].Value).PathAndQuery)).ToHashSet();

    private static string Describe(IEnumerable<(string Culture, string Url)> alternates) =>
        string.Join(", ", alternates.Order().Select(a => $"{a.Culture} {a.Url}"));

    /// <summary>A path to an HTML page, not a file, feed, API, subtitle or back-office address.</summary>
    private static bool IsPagePath(string path) =>
        !path.StartsWith("/_content/", StringComparison.Ordinal) && !path.StartsWith("/files/", StringComparison.Ordinal)
        && !path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/openapi/", StringComparison.Ordinal)
        && !path.StartsWith("/feeds/", StringComparison.Ordinal) && !path.StartsWith("/beheer", StringComparison.Ordinal)
        && !Regex.IsMatch(path, @"\.(vtt|zip|pdf|csv|json|ico|png|svg|webmanifest|xml|txt)$");

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }
}

public sealed class SqliteSitemapAndWebAppTests(SqlitePortal fixture) : SitemapAndWebAppTests<SqlitePortal>(fixture);
public sealed class PostgresSitemapAndWebAppTests(PostgresPortal fixture) : SitemapAndWebAppTests<PostgresPortal>(fixture);
