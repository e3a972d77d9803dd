using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JasKnowledge.Tests.Integration.Downloads;

/// <summary>The generic download capability through HTTP: on SQLite with the folder blob store, and
/// on PostgreSQL with Azure Blob Storage (Azurite), the same behaviour.</summary>
public abstract class DownloadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const string Pdf = "/files/nl/het-gesprek-handboek-pdf";

    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        headers?.Invoke(request.Headers);
        return await Client().SendAsync(request);
    }

    private async Task<JsonElement> PdfEntryAsync()
    {
        var downloads = await Client().GetFromJsonAsync<JsonElement>("/api/v1/downloads");
        return downloads.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "het-gesprek-handboek-pdf");
    }

    [Fact]
    public async Task The_latest_url_serves_the_newest_edition_whose_hash_is_the_etag()
    {
        var entry = await PdfEntryAsync();
        var latest = entry.GetProperty("latest");

        var response = await Client().GetAsync($"{Pdf}/latest");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(latest.GetProperty("size").GetInt64(), bytes.LongLength);
        Assert.Equal(latest.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{latest.GetProperty("sha256").GetString()}\"", response.Headers.ETag!.Tag);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal(latest.GetProperty("url").GetString(), response.Content.Headers.ContentLocation!.OriginalString);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"het-gesprek-handboek-{latest.GetProperty("version").GetString()}.pdf", disposition.FileNameStar);
    }

    /// <summary>A film's poster opened from its address is shown, not saved among a phone's downloads (the review of 6 December
    /// 2026); a PDF, a subtitle file or anything else is still saved.</summary>
    [Theory]
    [InlineData("/files/nl/de-zorgverzekering-poster/latest", "image/jpeg", "inline")]
    [InlineData("/files/nl/de-zorgverzekering-poster-webp/latest", "image/webp", "inline")]
    [InlineData("/files/nl/het-gesprek-handboek-pdf/latest", "application/pdf", "attachment")]
    public async Task A_picture_opens_in_the_browser_and_every_other_file_is_saved(string url, string mediaType, string disposition)
    {
        using var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(disposition, response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_version_url_is_immutable_and_keeps_serving_old_editions()
    {
        var entry = await PdfEntryAsync();
        var versions = entry.GetProperty("versions").EnumerateArray().ToList();
        Assert.True(versions.Count >= 2);

        foreach (var version in versions)
        {
            var response = await Client().GetAsync(version.GetProperty("url").GetString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(version.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task Head_gives_the_headers_without_the_body()
    {
        var get = await Client().GetAsync($"{Pdf}/1.0");
        var head = await SendAsync(HttpMethod.Head, $"{Pdf}/1.0");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=1000-1999", 1000, 1999)]
    [InlineData("bytes=-100", -100, -1)]
    [InlineData("bytes=5000-", 5000, -1)]
    public async Task One_byte_range_gives_206_with_exactly_those_bytes(string range, long from, long to)
    {
        var whole = await (await Client().GetAsync($"{Pdf}/1.0")).Content.ReadAsByteArrayAsync();
        var first = from < 0 ? whole.Length + from : from;
        var last = to < 0 ? whole.Length + to : to;

        var response = await SendAsync(HttpMethod.Get, $"{Pdf}/1.0", h => h.TryAddWithoutValidation("Range", range));
        var part = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{last}/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(whole[(int)first..(int)(last + 1)], part);
    }

    [Fact]
    public async Task A_range_past_the_end_is_416_with_the_length()
    {
        var head = await SendAsync(HttpMethod.Head, $"{Pdf}/1.0");
        var length = head.Content.Headers.ContentLength!.Value;

        var response = await SendAsync(HttpMethod.Get, $"{Pdf}/1.0", h => h.TryAddWithoutValidation("Range", $"bytes={length}-"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=50-10")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("pages=1-2")]
    [InlineData("bytes=--5")]
    public async Task A_malformed_range_gets_the_whole_file_never_an_error(string range)
    {
        var response = await SendAsync(HttpMethod.Get, $"{Pdf}/1.0", h => h.TryAddWithoutValidation("Range", range));
        var head = await SendAsync(HttpMethod.Head, $"{Pdf}/1.0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(head.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).LongLength);
    }

    [Fact]
    public async Task If_none_match_with_the_hash_is_304_and_another_hash_gets_the_file()
    {
        var etag = (await SendAsync(HttpMethod.Head, $"{Pdf}/latest")).Headers.ETag!.Tag;

        var same = await SendAsync(HttpMethod.Get, $"{Pdf}/latest", h => h.TryAddWithoutValidation("If-None-Match", etag));
        var weak = await SendAsync(HttpMethod.Get, $"{Pdf}/latest", h => h.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{etag}"));
        var any = await SendAsync(HttpMethod.Get, $"{Pdf}/latest", h => h.TryAddWithoutValidation("If-None-Match", "*"));
        var other = await SendAsync(HttpMethod.Get, $"{Pdf}/latest", h => h.TryAddWithoutValidation("If-None-Match", "\"0000\""));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, same.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, any.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_resumed_download_of_changed_bytes_gets_the_whole_new_file()
    {
        var response = await SendAsync(HttpMethod.Get, $"{Pdf}/latest", h =>
        {
            h.TryAddWithoutValidation("Range", "bytes=100-");
            h.TryAddWithoutValidation("If-Range", "\"hash-of-an-older-edition\"");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
    }

    [Fact]
    public async Task An_unknown_version_is_404_and_lists_the_versions_that_exist()
    {
        var response = await Client().GetAsync($"{Pdf}/9.9");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Versie 9.9", text);
        Assert.Contains($"{Pdf}/1.0", text);
        Assert.Contains($"{Pdf}/1.1", text);
        Assert.Contains($"{Pdf}/latest", text);
    }

    [Theory]
    [InlineData("/files/nl/het-gesprek-handboek-pdf/..%2F..%2Fappsettings.json")]
    [InlineData("/files/nl/het-gesprek-handboek-pdf/%2E%2E")]
    [InlineData("/files/nl/..%2Fhet-gesprek-handboek-pdf/1.0")]
    [InlineData("/files/nl/het-gesprek-handboek-pdf%2F1.0/latest")]
    [InlineData("/files/nl/het-gesprek-handboek-pdf/1.0%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/files/xx/het-gesprek-handboek-pdf/1.0")]
    [InlineData("/files/nl/bestaat-niet/latest")]
    public async Task A_path_that_tries_to_leave_the_asset_or_names_nothing_is_404(string url)
    {
        var response = await Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_lists_every_file_with_latest_and_all_versions()
    {
        var entry = await PdfEntryAsync();
        var latest = entry.GetProperty("latest");
        var versions = entry.GetProperty("versions").EnumerateArray().ToList();

        Assert.Equal("nl", entry.GetProperty("culture").GetString());
        Assert.Contains("Het Gesprek", entry.GetProperty("title").GetString());
        // The editions the shipped content holds (content/handboek/edities), newest first: each edition adds one.
        var shipped = File.ReadLines(Path.Combine(ContentFolders.Shipped, "handboek", "edities", "het-gesprek-handboek-pdf.nl.asset.yml"))
            .Where(line => line.StartsWith("- version: ", StringComparison.Ordinal))
            .Select(line => line["- version: ".Length..].Trim().Trim('"', '\''))
            .Reverse().ToList();
        Assert.True(shipped.Count >= 7, string.Join(", ", shipped));
        Assert.Equal(shipped[0], latest.GetProperty("version").GetString());
        Assert.Equal("application/pdf", latest.GetProperty("mediaType").GetString());
        Assert.Equal(64, latest.GetProperty("sha256").GetString()!.Length);
        Assert.True(latest.GetProperty("publishedUtc").GetDateTime() > new DateTime(2026, 1, 1));
        Assert.Equal(shipped, versions.Select(v => v.GetProperty("version").GetString()));
        Assert.All(versions, v => Assert.False(string.IsNullOrWhiteSpace(v.GetProperty("releaseNotes").GetString())));
        var all = await Client().GetFromJsonAsync<JsonElement>("/api/v1/downloads");
        Assert.Contains(all.EnumerateArray(), d => d.GetProperty("slug").GetString() == "het-gesprek-handboek-docx");
        Assert.Contains(all.EnumerateArray(), d => d.GetProperty("slug").GetString() == "gemeentelijke-indeling-2023");
    }

    [Fact]
    public async Task The_editions_feed_is_atom_with_an_entry_and_enclosure_per_version()
    {
        var response = await Client().GetAsync("/feeds/editions.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(atom + "feed", feed.Root.Name);
        Assert.NotNull(feed.Root.Element(atom + "updated"));
        var pdf11 = Assert.Single(entries, e => e.Element(atom + "id")!.Value == "urn:jasknowledge:file:nl:het-gesprek-handboek-pdf:1.1");
        var enclosure = pdf11.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure");
        Assert.EndsWith($"{Pdf}/1.1", (string)enclosure.Attribute("href")!);
        var head = await SendAsync(HttpMethod.Head, $"{Pdf}/1.1");
        Assert.Equal(head.Content.Headers.ContentLength, (long)enclosure.Attribute("length")!);
        Assert.Contains(entries, e => e.Element(atom + "id")!.Value.EndsWith("het-gesprek-handboek-docx:1.0"));
        // Newest first.
        var dates = entries.Select(e => DateTime.Parse(e.Element(atom + "updated")!.Value)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task The_page_of_an_older_version_says_plainly_that_a_newer_one_exists()
    {
        var latest = (await PdfEntryAsync()).GetProperty("latest").GetProperty("version").GetString();
        var old = await Client().GetStringAsync("/nl/downloads/nl/het-gesprek-handboek-pdf/1.0");
        var newest = await Client().GetStringAsync($"/nl/downloads/nl/het-gesprek-handboek-pdf/{latest}");

        Assert.Contains("versie 1.0 is niet de nieuwste", old);
        Assert.Contains($"href=\"/nl/downloads/nl/het-gesprek-handboek-pdf/{latest}\"", old);
        Assert.DoesNotContain("is niet de nieuwste", newest);
    }

    [Fact]
    public async Task The_downloads_pages_list_every_file_and_every_version_with_date_size_and_hash()
    {
        var entry = await PdfEntryAsync();
        var list = await Client().GetStringAsync("/nl/downloads");
        var history = await Client().GetStringAsync("/nl/downloads/nl/het-gesprek-handboek-pdf");

        Assert.Contains("href=\"/files/nl/het-gesprek-handboek-pdf/latest\"", list);
        Assert.Contains("href=\"/files/nl/gemeentelijke-indeling-2023/latest\"", list);
        foreach (var version in entry.GetProperty("versions").EnumerateArray())
        {
            Assert.Contains(version.GetProperty("sha256").GetString()!, history);
            Assert.Contains($"href=\"{version.GetProperty("url").GetString()}\"", history);
        }
        Assert.Contains("<time datetime=", history);
        Assert.Contains("bytes)", history);
    }

    [Fact]
    public async Task A_languages_pictures_are_folded_under_their_count_after_the_texts_films_and_data()
    {
        // Three pictures for each film made most of the Dutch list (a review by trainers, 6 December 2026).
        var list = await Client().GetStringAsync("/en/downloads");
        var dutch = list[list.IndexOf("<section class=\"file-section\" aria-labelledby=\"taal-nl\">", StringComparison.Ordinal)..];
        dutch = dutch[..dutch.IndexOf("</section>", StringComparison.Ordinal)];
        var folded = dutch.IndexOf("<details class=\"file-pictures\">", StringComparison.Ordinal);
        Assert.True(folded > 0, "The Dutch files have no folded pictures.");
        var (open, pictures) = (dutch[..folded], dutch[folded..]);
        Assert.Contains("href=\"/files/nl/het-gesprek-handboek-pdf/latest\"", open);
        Assert.Contains("href=\"/files/nl/gemeentelijke-indeling-2023/latest\"", open);
        Assert.Contains("(MP4", open);
        Assert.DoesNotContain("afbeelding", open);
        var count = System.Text.RegularExpressions.Regex.Matches(pictures, "<li class=\"file-card\">").Count;
        Assert.True(count >= 3, pictures);
        Assert.Contains($"<summary>Pictures ({count})</summary>", pictures);
        Assert.Equal(count, System.Text.RegularExpressions.Regex.Matches(pictures, "<h3 class=\"file-card__title\"[^>]*>[^<]*afbeelding").Count);
        // The language menu counts every file, pictures too.
        var all = System.Text.RegularExpressions.Regex.Matches(dutch, "<li class=\"file-card\">").Count;
        Assert.Contains($"hreflang=\"nl\">Nederlands</a> ({all})", list);
    }

    [Fact]
    public async Task An_unknown_version_page_is_404_and_lists_the_versions()
    {
        var response = await Client().GetAsync("/en/downloads/nl/het-gesprek-handboek-pdf/7.7");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Version 7.7 does not exist", html);
        Assert.Contains("/files/nl/het-gesprek-handboek-pdf/1.0", html);
    }
}

public sealed class SqliteDownloadTests(SqlitePortal fixture) : DownloadTests<SqlitePortal>(fixture);

public sealed class PostgresDownloadTests(PostgresPortal fixture) : DownloadTests<PostgresPortal>(fixture);
