using System.Net;
using System.IO.Compression;
using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace JasKnowledge.Tests.Integration.Participants;

/// <summary>
/// Films that fit a prepaid data bundle (issue 21.4, 22.4), with the shipped films on both databases:
/// two renditions with their sizes, the small one for narrow screens and Save-Data, WebP thumbnails and
/// posters, the offline copy, the sentence saying what a film shows, and the 60 KB a participant's page
/// may weigh before the film is played.
/// </summary>
public abstract class FilmRenditionTests<TFixture>(TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>
    where TFixture : PortalFixture
{
    private const int PageBudget = 60 * 1024;
    // Per film: the index shows one thumbnail for each film, so the budget grows with the films; the page as a whole stays within PageBudget.
    private const int ThumbnailBudgetPerFilm = 7 * 1024;
    private static readonly string[] Languages = ["nl", "en", "ar", "ti", "fa", "prs", "so", "uk"];
    private static readonly string[] Videos = ["welkom-in-het-programma", "je-klantmanager", "het-gesprek",
        "de-zorgverzekering", "stages-en-werk", "je-mentor"];

    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static TheoryData<string> ParticipantPages()
    {
        var data = new TheoryData<string>();
        foreach (var code in new[] { "nl", "ar", "ti" })
        {
            data.Add($"/{code}/informatie");
            foreach (var video in Videos) data.Add($"/{code}/video/{video}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ParticipantPages))]
    public async Task A_participants_page_weighs_at_most_60_KB_with_its_images_before_the_film_plays(string path)
    {
        var client = Client();
        var html = await client.GetStringAsync(path);
        var (total, images, fonts) = await PageWeight.MeasureWithImagesAsync(client, html);

        output.WriteLine($"{path}: {total / 1024.0:F1} KB (images {images / 1024.0:F1} KB); fonts {fonts / 1024.0:F1} KB apart");
        Assert.True(images > 0, $"{path} shows no image: the measurement would prove nothing");
        Assert.True(total <= PageBudget, $"{path}: {total} bytes before the film plays, budget {PageBudget}");
    }

    [Fact]
    public async Task The_participants_index_shows_webp_thumbnails_with_a_jpeg_fallback_under_7_KB_a_film()
    {
        var client = Client();
        var html = await client.GetStringAsync("/ar/informatie");
        var pictures = Regex.Matches(html, "<picture>.*?</picture>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(Videos.Length, pictures.Count);
        long largest = 0;
        foreach (var picture in pictures)
        {
            var srcset = Regex.Match(picture, "<source type=\"image/webp\" srcset=\"([^\"]+)\"\\s+sizes=\"[^\"]+\">").Groups[1].Value;
            var candidates = srcset.Split(',').Select(c => c.Trim().Split(' ')).ToList();
            Assert.Equal(["320w", "640w"], candidates.Select(c => c[1]));
            foreach (var candidate in candidates)
            {
                var response = await client.GetAsync(candidate[0]);
                Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
            }
            largest += (await client.GetByteArrayAsync(candidates[^1][0])).Length;
            var fallback = Regex.Match(picture, "<img class=\"card__image\" src=\"([^\"]+)\" alt=\"\" width=\"320\" height=\"180\"").Groups[1].Value;
            Assert.Equal("image/jpeg", (await client.GetAsync(fallback)).Content.Headers.ContentType!.MediaType);
        }
        output.WriteLine($"thumbnails at their largest: {largest / 1024.0:F1} KB");
        var budget = ThumbnailBudgetPerFilm * Videos.Length;
        Assert.True(largest < budget, $"the thumbnails take {largest} bytes, budget {budget}");
    }

    [Fact]
    public async Task A_video_page_offers_the_small_film_to_narrow_screens_and_names_it_for_the_offline_copy()
    {
        var client = Client();
        var response = await client.GetAsync("/ti/video/je-klantmanager");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Save-Data", response.Headers.Vary);

        var sources = Regex.Matches(html, "<source src=\"([^\"]+)\" type=\"video/mp4\"( media=\"([^\"]+)\")?>").ToList();
        Assert.Equal(3, sources.Count);
        Assert.Equal("/files/nl/je-klantmanager-video-360p/2", sources[0].Groups[1].Value);
        Assert.Equal("(max-width: 40em)", sources[0].Groups[3].Value);
        Assert.Equal("/files/nl/je-klantmanager-video/3", sources[1].Groups[1].Value);
        Assert.False(sources[1].Groups[2].Success);
        // The small film once more, for any screen: a wide screen whose large film cannot be had (the offline copy keeps the
        // small one only) plays it instead.
        Assert.Equal("/files/nl/je-klantmanager-video-360p/2", sources[2].Groups[1].Value);
        Assert.False(sources[2].Groups[2].Success);

        // "Bewaar voor offline" keeps the small film, and counts its size.
        var kept = Regex.Match(html, "data-offline-files=\"([^\"]+)\" data-offline-bytes=\"(\\d+)\"");
        Assert.True(kept.Success, "the offline block names the files it keeps");
        Assert.Contains("/files/nl/je-klantmanager-video-360p/2", kept.Groups[1].Value.Split(' '));
        Assert.DoesNotContain("/files/nl/je-klantmanager-video/3", kept.Groups[1].Value.Split(' '));
        var small = await client.GetByteArrayAsync("/files/nl/je-klantmanager-video-360p/2");
        Assert.True(long.Parse(kept.Groups[2].Value) > small.Length);
        var large = await client.GetByteArrayAsync(sources[1].Groups[1].Value);
        Assert.True(small.Length < large.Length, $"360p {small.Length} bytes, 720p {large.Length}");
        Assert.True(large.Length < 3 * 1024 * 1024 && small.Length < 1536 * 1024, "films stay small enough for prepaid data");
    }

    [Fact]
    public async Task With_save_data_the_player_gets_only_the_small_film()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ar/video/het-gesprek");
        request.Headers.Add("Save-Data", "on");
        var client = Client();
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        var source = Assert.Single(Regex.Matches(html, "<source [^>]+>"));
        Assert.Equal("<source src=\"/files/nl/het-gesprek-video-360p/2\" type=\"video/mp4\">", source.Value);
        Assert.Contains("Save-Data", response.Headers.Vary);
        // The output cache keeps both answers apart: the next visitor without the header gets both films (the small one twice:
        // for narrow screens, and after the large one for when it cannot be had).
        var plain = await client.GetStringAsync("/ar/video/het-gesprek");
        Assert.Equal(3, Regex.Matches(plain, "<source [^>]+>").Count);
        Assert.Contains("het-gesprek-video/", plain);
        // Asked again, both come from the cache and still name the header once.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/ar/video/het-gesprek");
        again.Headers.Add("Save-Data", "on");
        var replayed = await client.SendAsync(again);
        Assert.Equal(["Save-Data"], replayed.Headers.Vary.Where(v => v == "Save-Data"));
        Assert.Single(Regex.Matches(await replayed.Content.ReadAsStringAsync(), "<source [^>]+>"));
    }

    [Fact]
    public async Task A_page_the_header_does_not_change_is_kept_once_with_or_without_save_data()
    {
        var client = Client();
        var plain = await client.GetAsync("/so/informatie");
        using var saving = new HttpRequestMessage(HttpMethod.Get, "/so/informatie");
        saving.Headers.Add("Save-Data", "on");
        var withHeader = await client.SendAsync(saving);

        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        // One cache entry: the same rendering's tag, and nothing that tells caches on the way to keep two.
        Assert.NotNull(plain.Headers.ETag);
        Assert.Equal(plain.Headers.ETag, withHeader.Headers.ETag);
        Assert.DoesNotContain("Save-Data", withHeader.Headers.Vary);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await withHeader.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_rendition_has_its_download_link_with_its_size()
    {
        var client = Client();
        foreach (var code in Languages)
        {
            var html = await client.GetStringAsync($"/{code}/video/welkom-in-het-programma");
            foreach (var (slug, label) in new[] { ("welkom-in-het-programma-video-360p/1", "360p"), ("welkom-in-het-programma-video/2", "720p") })
            {
                var link = Regex.Match(html, $"<a href=\"/files/nl/{Regex.Escape(slug)}\" download>([^<]+)</a>");
                Assert.True(link.Success, $"{code}: no download link for {slug}");
                Assert.Contains(label, link.Groups[1].Value);
                // The size, in the page's digits: the only figure besides the resolution.
                Assert.Matches("[0-9٠-٩۰-۹]", link.Groups[1].Value.Replace(label, ""));
            }
        }
    }

    [Fact]
    public async Task Every_video_page_says_in_its_language_what_the_film_shows()
    {
        var client = Client();
        foreach (var video in Videos)
        {
            var sentences = new HashSet<string>();
            foreach (var code in Languages)
            {
                var html = await client.GetStringAsync($"/{code}/video/{video}");
                var shows = Regex.Match(html, "<p class=\"video-shows\" id=\"film-shows\">(.+?)</p>", RegexOptions.Singleline);
                Assert.True(shows.Success, $"/{code}/video/{video} does not say what the film shows");
                Assert.Contains("aria-describedby=\"film-shows transcript-title\"", html);
                sentences.Add(shows.Groups[1].Value);
            }
            Assert.Equal(Languages.Length, sentences.Count);
        }
    }

    [Fact]
    public async Task The_offline_download_holds_the_small_film()
    {
        var client = Client();
        var small = await client.GetByteArrayAsync("/files/nl/welkom-in-het-programma-video-360p/1");
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/so/video/welkom-in-het-programma/offline.zip")));
        Assert.Equal(small.Length, zip.GetEntry("welkom-in-het-programma.mp4")!.Length);
    }
}

public sealed class SqliteFilmRenditionTests(SqlitePortal fixture, ITestOutputHelper output)
    : FilmRenditionTests<SqlitePortal>(fixture, output);
public sealed class PostgresFilmRenditionTests(PostgresPortal fixture, ITestOutputHelper output)
    : FilmRenditionTests<PostgresPortal>(fixture, output);
