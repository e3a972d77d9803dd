using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.InfoSheets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>The participants' side with the shipped content, through HTTP, on both databases.</summary>
public abstract partial class ParticipantTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private static readonly string[] Languages = ["nl", "en", "ar", "ti", "fa", "prs", "so", "uk"];
    private static readonly string[] Sheets = ["het-24x24-programma", "je-klantmanager", "het-gesprek-en-de-participatieverklaring",
        "de-zorgverzekering", "stages-en-werk", "je-mentor"];
    private static readonly string[] Videos = ["welkom-in-het-programma", "je-klantmanager", "het-gesprek",
        "de-zorgverzekering", "stages-en-werk", "je-mentor"];

    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_entry_page_lists_every_language_in_its_own_script()
    {
        var html = await Client().GetStringAsync("/talen");

        Assert.Contains("<a class=\"language-grid__choice\" href=\"/ar/informatie\" hreflang=\"ar\">", html);
        Assert.Contains("<span class=\"language-grid__native\" lang=\"ar\" dir=\"rtl\">العربية</span>", html);
        Assert.Contains("<span class=\"language-grid__native\" lang=\"ti\" dir=\"ltr\">ትግርኛ</span>", html);
        Assert.Contains("<span class=\"language-grid__native\" lang=\"prs\" dir=\"rtl\">دری</span>", html);
        foreach (var code in Languages) Assert.Contains($"href=\"/{code}/informatie\"", html);
    }

    [Theory]
    [InlineData("/xx/informatie", "xx")]
    [InlineData("/pt-BR/video/het-gesprek", "pt-BR")]
    [InlineData("/zz", "zz")]
    [InlineData("/a%3Cb%3E/informatie/je-mentor", null)]
    [InlineData("/ar-/video/x", null)]
    public async Task An_unknown_or_malformed_language_code_leads_to_the_entry_page(string path, string? shown)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/talen", response.Headers.Location!.OriginalString);
        var entry = await Client().GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        var html = await entry.Content.ReadAsStringAsync();
        if (shown is not null) Assert.Contains($"‘{shown}’", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Theory]
    [InlineData("xx", true)]
    [InlineData("pt-BR", true)]
    [InlineData("Uw uitkering stopt. Bel 0900-1234", false)]
    [InlineData("nl\u202Edrab", false)]
    public async Task The_entry_page_repeats_only_a_code_that_looks_like_a_language_code(string code, bool shown)
    {
        var html = System.Net.WebUtility.HtmlDecode(await Client().GetStringAsync($"/talen?onbekend={Uri.EscapeDataString(code)}"));
        Assert.Equal(shown, html.Contains($"‘{code}’", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/onbekend")]
    [InlineData("/files/xx/iets/1")]
    [InlineData("/nergens-hier/niets")]
    public async Task Other_unknown_paths_stay_a_not_found(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/ar/video/het-gesprek.vtt?download=%FF%FE")]
    [InlineData("/ar/video/het-gesprek.vtt?download=ja&download=nee")]
    [InlineData("/nl/handboek/sessie-1-nederland-en-jij/pakket.zip?taal=")]
    [InlineData("/nl/handboek/sessie-1-nederland-en-jij/pakket.zip?taal=ar&taal=ar&taal=AR&taal=%E2%80%AE")]
    [InlineData("/talen?onbekend=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/talen?onbekend=%00%01%02")]
    [InlineData("/ar/informatie/%F0%9F%98%80")]
    [InlineData("/ar/video/het-gesprek/offline.zip?x=%ZZ")]
    public async Task Hostile_input_on_the_participant_pages_never_gives_a_server_error(string path)
    {
        var response = await Client().GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_arabic_participant_page_lists_every_sheet_and_video_in_arabic()
    {
        var html = await Client().GetStringAsync("/ar/informatie");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        foreach (var sheet in Sheets) Assert.Contains($"href=\"/ar/informatie/{sheet}\"", html);
        foreach (var video in Videos) Assert.Contains($"href=\"/ar/video/{video}\"", html);
        Assert.DoesNotContain("class=\"card__meta\">Nog niet", html);
        Assert.Matches("fonts-arabic\\.[a-z0-9]+\\.css", html);
    }

    /// <summary>WCAG 3.1.2: a Dutch term in an Arabic or Tigrinya title is marked as Dutch in every list, as it is on the item's own
    /// page, so that a screen reader reads it with a Dutch voice (the review of 6 December 2026 found it only on the film page).</summary>
    [Theory]
    [InlineData("/ar/informatie", "مسؤول ملفك <span lang=\"nl\" dir=\"ltr\">(klantmanager)</span></a>")]
    [InlineData("/ar/informatie", "<span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span></a>")]
    [InlineData("/ar/downloads", "<span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span>")]
    [InlineData("/ar/zoeken?q=klantmanager", "<span lang=\"nl\" dir=\"ltr\">(klantmanager)</span> <span lang=\"nl\" dir=\"ltr\">(PDF)</span></a></h2>")]
    [InlineData("/nl/informatie", "klantmanager</a>")]
    public async Task A_dutch_term_in_a_title_is_marked_as_dutch_in_the_lists(string path, string marked)
    {
        var html = await Client().GetStringAsync(path);
        Assert.Contains(marked, html);
        // A Dutch page marks nothing: the whole page is Dutch.
        if (path.StartsWith("/nl", StringComparison.Ordinal)) Assert.DoesNotContain("<span lang=\"nl\" dir=\"ltr\">", html);
    }

    /// <summary>The review of 6 December 2026: the download button and the "all versions" link repeated the title with its Dutch term
    /// unmarked, and the translation status named Dutch as "Nederlands" unmarked inside an Arabic sentence.</summary>
    [Theory]
    [InlineData("/ar/downloads")]
    [InlineData("/ti/downloads")]
    [InlineData("/ar/downloads/ar/de-zorgverzekering-pdf")]
    public async Task The_links_that_repeat_a_title_mark_its_dutch_term_too(string path)
    {
        var html = await Client().GetStringAsync(path);
        var links = Regex.Matches(html, "<a [^>]*>([^<]*<bdi lang=\"(?:ar|ti)\"[^>]*>(?:(?!</bdi>).)*zorgverzekering(?:(?!</bdi>).)*</bdi>[^<]*)</a>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.Count >= 2, $"{path}: {links.Count} links");
        Assert.All(links, link => Assert.Contains("<span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span>", link));
    }

    [Theory]
    [InlineData("/ar/vertalingen", "الهولندية")]
    [InlineData("/ti/vertalingen", "ኔዘርላንድ")]
    public async Task The_translation_status_names_dutch_in_the_readers_language(string path, string dutch)
    {
        var lead = Regex.Match(await Client().GetStringAsync(path), "<p class=\"lead\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(dutch, lead);
        Assert.DoesNotContain("Nederlands", lead);
    }

    [Fact]
    public async Task The_translation_status_names_each_kind_of_text_in_words_not_by_its_code()
    {
        var html = await Client().GetStringAsync("/nl/vertalingen");
        Assert.Contains("<span class=\"code\">Informatieblad · ", html);
        Assert.Contains("<span class=\"code\">Video · ", html);
        Assert.DoesNotContain("<span class=\"code\">info-sheet", html);
    }

    [Fact]
    public async Task A_sheet_page_in_arabic_is_right_to_left_with_its_pdf_and_no_script_needed()
    {
        var html = await Client().GetStringAsync("/ar/informatie/je-klantmanager");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.DoesNotContain("notice--fallback", html);
        Assert.DoesNotContain("notice--outdated", html);
        var pdfUrl = Regex.Match(html, "href=\"(/files/ar/je-klantmanager-pdf/[^\"]+)\" download").Groups[1].Value;
        Assert.NotEmpty(pdfUrl);
        // The print button is hidden until the print script shows it; reading needs no script.
        Assert.Contains("data-print hidden", html);
        // Scripts only enhance: the print script and the offline script, both files, deferred; none inline.
        Assert.Equal(["offline", "print"], ScriptsOf(html));

        var pdf = await Client().GetAsync(pdfUrl);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(pdf.Headers.ETag!.Tag.Trim('"'), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Every_sheet_translation_has_a_pdf_made_from_its_current_text()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var sheets = await scope.ServiceProvider.GetRequiredService<PublishedContent>().ListAsync(InfoSheetsFeature.Type, null);
        var assets = scope.ServiceProvider.GetRequiredService<PublishedAssets>();

        Assert.Equal(Sheets.Length * Languages.Length, sheets.Count);
        foreach (var (item, version) in sheets)
        {
            var file = await assets.FindAsync(item.Culture, InfoSheetsFeature.FileSlug(item.Slug));
            Assert.True(file?.Revisions.Any(r => r.Source == ContentDigest.Of(version)) == true,
                $"{item.Culture}/{item.Slug} has no PDF of its current text: "
                    + "run `dotnet run --project src/JasKnowledge.Web -- sheet-files content`.");
        }
    }

    [Fact]
    public async Task A_video_page_has_one_track_per_language_with_the_visitors_language_as_default_and_a_transcript()
    {
        var html = await Client().GetStringAsync("/ar/video/het-gesprek");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Matches("<title>[^<]+ · فيديو · [^<]+</title>", html); // not the title of the sheet on the same topic
        var tracks = Regex.Matches(
            html, "<track kind=\"subtitles\" src=\"([^\"]+)\" srclang=\"([^\"]+)\" label=\"([^\"]+)\"( default=\"default\")?>");
        Assert.Equal(Languages.Length, tracks.Count);
        var defaults = tracks.Where(t => t.Groups[4].Success).ToList();
        Assert.Equal("ar", Assert.Single(defaults).Groups[2].Value);
        Assert.Equal("/ar/video/het-gesprek.vtt", defaults[0].Groups[1].Value);
        Assert.Contains("preload=\"none\"", html);
        Assert.Matches("poster=\"/files/nl/het-gesprek-poster-webp/1\"", html);
        Assert.Contains("<source src=\"/files/nl/het-gesprek-video-360p/2\" type=\"video/mp4\" media=\"(max-width: 40em)\">", html);
        Assert.Contains("<source src=\"/files/nl/het-gesprek-video/3\" type=\"video/mp4\">", html);
        Assert.Equal(15, Regex.Matches(html, "<li><time datetime=\"PT[\\d.]+S\" dir=\"ltr\">").Count);
        // The offer meant for prepaid data says what it costs, as the MP4 links beside it do (phone review of 6 December 2026).
        // The size is one left-to-right piece that never breaks, as on the MP4 lines (phone review of 7 December 2026).
        Assert.Matches("href=\"/ar/video/het-gesprek/offline.zip\">[^<]*<bdi[^>]*>[^<]+</bdi> \\(ZIP، حوالي \u2066[\\d.,٫]+\u00A0kB\u2069\\)</a>",
            System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(["offline"], ScriptsOf(html)); // the player needs none; "Bewaar voor offline" is an enhancement
        // The films have no voice: the page says so, and no longer says the viewer will hear (تسمع) anything.
        Assert.Contains("<p class=\"video-silent\" lang=\"ar\" dir=\"rtl\">هذا الفيديو بدون صوت.", html);
        Assert.Contains("تتعلم", Regex.Match(html, "<p class=\"lead\">(.*?)</p>").Groups[1].Value);
        Assert.DoesNotContain("تسمع", Regex.Match(html, "<p class=\"lead\">(.*?)</p>").Groups[1].Value);
    }

    /// <summary>A sheet leads on to the sheet before and after it in the participants' list, a film to the films, in the
    /// visitor's language; the first has no "previous" (GOV.UK's step by step, for a participant on a phone).</summary>
    [Fact]
    public async Task A_sheet_and_a_film_lead_on_to_the_one_before_and_after_them_in_the_list()
    {
        var client = Client();
        var sheet = (await client.GetStringAsync("/ar/informatie/je-klantmanager")).ReplaceLineEndings(" ");
        Assert.Matches("<li class=\"pager__previous\"><a href=\"/ar/informatie/het-24x24-programma\" rel=\"prev\"><span class=\"pager__label\">السابق:</span>", sheet);
        Assert.Matches("<li class=\"pager__next\"><a href=\"/ar/informatie/het-gesprek-en-de-participatieverklaring\" rel=\"next\">", sheet);
        var first = await client.GetStringAsync("/ti/informatie/het-24x24-programma");
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("href=\"/ti/informatie/je-klantmanager\" rel=\"next\"", first);
        var film = await client.GetStringAsync("/so/video/je-mentor");
        Assert.Contains("href=\"/so/video/stages-en-werk\" rel=\"prev\"", film);
        Assert.DoesNotContain("href=\"/so/informatie/stages-en-werk\" rel=\"prev\"", film);
    }

    /// <summary>A film leads to the sheet on its topic and the sheet to its film, in the visitor's language, and both to the
    /// word list; the home page leads participants to both before its story (review on a phone, 7 December).</summary>
    [Fact]
    public async Task A_film_and_its_sheet_lead_to_each_other_and_the_home_page_leads_to_both()
    {
        var client = Client();
        var film = await client.GetStringAsync("/ar/video/je-mentor");
        Assert.Matches("<nav class=\"related-material[^>]*>.*href=\"/ar/informatie/je-mentor\".*href=\"/ar/woordenlijst\"",
            film.ReplaceLineEndings(" "));
        var sheet = await client.GetStringAsync("/ti/informatie/het-gesprek-en-de-participatieverklaring");
        Assert.Matches("<nav class=\"related-material[^>]*>.*href=\"/ti/video/het-gesprek\"", sheet.ReplaceLineEndings(" "));
        Assert.DoesNotContain("href=\"/ti/video/je-mentor\"", sheet);
        var home = (await client.GetStringAsync("/so")).ReplaceLineEndings(" ");
        var start = home.IndexOf("class=\"start-links", StringComparison.Ordinal);
        // Right under the title and lead, before the page's own sections.
        var end = home.IndexOf("</nav>", start, StringComparison.Ordinal);
        Assert.True(home.IndexOf("class=\"lead\"", StringComparison.Ordinal) is var lead && lead > 0 && lead < start);
        Assert.True(end > start && home.IndexOf("<h2", end, StringComparison.Ordinal) > end);
        Assert.Contains("href=\"/so/informatie#videos\"", home);
        Assert.Contains("href=\"/so/informatie#sheets\"", home);
        Assert.Contains("href=\"/so/woordenlijst\"", home);
    }

    [Fact]
    public async Task Subtitles_are_served_per_language_as_webvtt_and_cached_by_etag()
    {
        var client = Client();
        foreach (var code in Languages)
        {
            var response = await client.GetAsync($"/{code}/video/je-klantmanager.vtt");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/vtt", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("WEBVTT", await response.Content.ReadAsStringAsync());
        }

        // A player makes each cue line a paragraph of its own: an Arabic line that began with a Dutch term read out of order.
        var arabic = JasKnowledge.Web.Features.Media.WebVtt.Parse(await client.GetStringAsync("/ar/video/de-zorgverzekering.vtt"));
        Assert.All(arabic.SelectMany(c => c.Text.Split('\n')), line => Assert.StartsWith("\u200F", line));
        Assert.Contains(arabic, c => c.Text.Contains("\n\u200F(zorgverzekering)", StringComparison.Ordinal));
        Assert.DoesNotContain('\u200F', await client.GetStringAsync("/ti/video/de-zorgverzekering.vtt"));

        var first = await client.GetAsync("/ti/video/je-klantmanager.vtt");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/ti/video/je-klantmanager.vtt");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var download = await client.GetAsync("/ti/video/je-klantmanager.vtt?download=1");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("je-klantmanager.ti.vtt", download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ti/video/bestaat-niet.vtt")).StatusCode);
    }

    [Fact]
    public async Task A_film_streams_with_byte_ranges_so_seeking_works()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/files/nl/het-gesprek-video/1");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(1000, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_offline_download_holds_the_film_and_its_subtitles_with_checksums()
    {
        var response = await Client().GetAsync("/so/video/welkom-in-het-programma/offline.zip");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Sent with its length, so that a phone shows the total and the progress.
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        using var head = await Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/so/video/welkom-in-het-programma/offline.zip"));
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        // The page said about this much: the film and its subtitles, within a few kB of the archive.
        var page = await Client().GetStringAsync("/so/video/welkom-in-het-programma");
        var said = Regex.Match(System.Net.WebUtility.HtmlDecode(page), @"offline\.zip"">[^<]*<bdi[^>]*>[^<]+</bdi>[^<]*\(ZIP, qiyaastii ([\d.,]+)\u00A0kB\)</a>");
        Assert.True(said.Success, "no size on the offline link");
        var kilobytes = double.Parse(said.Groups[1].Value.Replace(",", "."), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(bytes.Length / 1000.0 - kilobytes, -0.5, 10);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(
            ["SHA256SUMS", "welkom-in-het-programma.mp4", "welkom-in-het-programma.nl.vtt", "welkom-in-het-programma.so.vtt"],
            zip.Entries.Select(e => e.FullName).Order());
        AssertChecksums(zip);
    }

    [Fact]
    public async Task A_session_pack_holds_the_session_handout_sheets_videos_and_subtitles_in_the_chosen_languages()
    {
        var session = "sessie-4-werk-inkomen-en-de-uitkering";
        var html = await Client().GetStringAsync($"/nl/handboek/{session}");
        Assert.Contains("href=\"/nl/informatie/je-klantmanager\"", html);
        Assert.Contains("href=\"/nl/video/je-klantmanager\"", html);
        Assert.Contains("href=\"/nl/video/stages-en-werk\"", html);
        Assert.Contains($"action=\"/nl/handboek/{session}/pakket.zip\"", html);

        var response = await Client().GetAsync($"/nl/handboek/{session}/pakket.zip?taal=ar&taal=ti&taal=onzin&taal=%3Cx%3E");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains($"sessie/{session}.html", names);
        Assert.Contains($"sessie/{session}-hand-out.html", names);
        foreach (var code in new[] { "ar", "ti" })
        {
            Assert.Contains($"informatie/{code}/je-klantmanager.pdf", names);
            Assert.Contains($"informatie/{code}/stages-en-werk.pdf", names);
            Assert.Contains($"video/je-klantmanager.{code}.vtt", names);
            Assert.Contains($"video/stages-en-werk.{code}.vtt", names);
        }
        Assert.Single(names, n => n == "video/je-klantmanager.mp4");
        Assert.Single(names, n => n == "video/stages-en-werk.mp4");
        Assert.DoesNotContain(names, n => n.Contains("/nl/") || n.Contains(".uk."));
        Assert.Contains("Hand-out voor deelnemers", await ReadAsync(zip, $"sessie/{session}-hand-out.html"));
        Assert.DoesNotContain("Stappenplan", await ReadAsync(zip, $"sessie/{session}-hand-out.html"));
        AssertChecksums(zip);
        // The read-me names every file of the pack, and says how to use subtitles with a film that has no spoken text
        // (the review of 6 December 2026: it named only the session, the films and the checksums).
        var readMe = await ReadAsync(zip, "LEESMIJ.txt");
        Assert.All(names.Where(n => n != "LEESMIJ.txt"), name => Assert.Contains(name + " —", readMe));
        Assert.Contains("geen gesproken tekst", readMe);
    }

    [Fact]
    public async Task A_session_pack_for_a_chapter_that_is_not_a_session_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/nl/handboek/inleiding/pakket.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync("/nl/handboek/bestaat-niet/pakket.zip?taal=ar")).StatusCode);
    }

    [Fact]
    public async Task The_translation_status_page_shows_every_item_current_in_every_language()
    {
        var html = await Client().GetStringAsync("/nl/vertalingen");

        foreach (var code in Languages.Skip(1))
        {
            // Sheets, films and the five translated pages: home, over, privacy, toegankelijkheid, open-data.
            Assert.Equal(Sheets.Length + Videos.Length + 5, Regex.Matches(html, $"data-language=\"{code}\" data-state=\"current\"").Count);
            Assert.Contains($"<td data-language=\"{code}\" data-count=\"TranslationMissing\">0</td>", html);
        }
        Assert.Contains("href=\"/ti/informatie/de-zorgverzekering\"", html);
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_with_its_alternates_and_each_one_answers()
    {
        var client = Client();
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Root!.Elements(sitemap + "url").ToList();
        var locations = urls.Select(u => new Uri(u.Element(sitemap + "loc")!.Value).PathAndQuery).ToList();

        Assert.Equal(locations.Count, locations.Distinct().Count());
        foreach (var expected in new[] { "/ar/informatie/je-klantmanager", "/ti/video/het-gesprek", "/nl/handboek/inleiding", "/uk/informatie",
            "/nl/vertalingen", "/so/downloads", "/fa" })
            Assert.Contains(expected, locations);
        var sheet = urls.Single(u => u.Element(sitemap + "loc")!.Value.EndsWith("/prs/informatie/je-mentor", StringComparison.Ordinal));
        Assert.Equal(Languages.Order(), sheet.Elements(xhtml + "link").Select(l => l.Attribute("hreflang")!.Value).Order());

        foreach (var location in locations)
        {
            var response = await client.GetAsync(location);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{location}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Pages_load_the_font_of_their_script_and_no_other()
    {
        var client = Client();
        var tigrinya = await client.GetStringAsync("/ti/informatie/je-mentor");
        var dari = await client.GetStringAsync("/prs/informatie/je-mentor");
        var dutch = await client.GetStringAsync("/nl/informatie/je-mentor");

        Assert.Matches("fonts-ethiopic\\.[a-z0-9]+\\.css", tigrinya);
        Assert.DoesNotContain("fonts-arabic", tigrinya);
        Assert.Matches("fonts-arabic\\.[a-z0-9]+\\.css", dari);
        Assert.DoesNotContain("fonts-", dutch);
        var css = await client.GetStringAsync(Regex.Match(tigrinya, "href=\"([^\"]*fonts-ethiopic[^\"]*)\"").Groups[1].Value);
        var font = Regex.Match(css, "url\\(\"\\.\\./fonts/([^\"]+)\"\\)").Groups[1].Value;
        var woff = await client.GetAsync($"/_content/JasKnowledge.Theme/fonts/{font}");
        Assert.Equal(HttpStatusCode.OK, woff.StatusCode);
        Assert.Equal("wOF2", System.Text.Encoding.ASCII.GetString((await woff.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Theory]
    [InlineData("/ar/informatie/de-zorgverzekering")]
    [InlineData("/ti/informatie/het-24x24-programma")]
    [InlineData("/nl/informatie/stages-en-werk")]
    public async Task A_sheet_page_weighs_under_fifty_kilobytes_compressed_without_fonts(string path)
    {
        var client = Client();
        var html = await client.GetStringAsync(path);
        var (total, _) = await PageWeight.MeasureAsync(client, html);
        Assert.True(total < 50 * 1024, $"{path}: {total} bytes compressed");
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
    }

    private static void AssertChecksums(ZipArchive zip)
    {
        using var reader = new StreamReader(zip.GetEntry("SHA256SUMS")!.Open());
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(zip.Entries.Count - 1, lines.Length);
        foreach (var line in lines)
        {
            var (hash, name) = (line[..64], line[66..]);
            using var entry = zip.GetEntry(name)!.Open();
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(entry)));
        }
    }

    /// <summary>The page's scripts by name; fails on an inline script or one that is not deferred.</summary>
    private static List<string> ScriptsOf(string html)
    {
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.All(scripts, tag => Assert.Matches(
            "^<script src=\"/_content/JasKnowledge\\.Theme/js/[a-z-]+(\\.[a-z0-9]+)?\\.js(\\?v=[^\"]+)?\" defer></script>$", tag + "</script>"));
        return scripts.Select(tag => Regex.Match(tag, "/js/([a-z-]+)\\.").Groups[1].Value).Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class SqliteParticipantTests(SqlitePortal fixture) : ParticipantTests<SqlitePortal>(fixture);
public sealed class PostgresParticipantTests(PostgresPortal fixture) : ParticipantTests<PostgresPortal>(fixture);
