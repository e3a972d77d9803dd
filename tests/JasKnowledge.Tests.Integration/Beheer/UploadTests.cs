using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Assets;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>Uploading a new revision of a file on both databases (folder and Azurite blob stores): it is
/// published under its SHA-256; a file whose bytes do not match its extension, a type the portal does
/// not serve, a file over the limit (413) and an upload that breaks off leave nothing behind.</summary>
public abstract class UploadTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const string Pdf = "/beheer/bestanden/nl/het-gesprek-handboek-pdf";
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(
        fixture.Factory, 1000, builder => builder.UseSetting("Jas:Uploads:MaxMegabytes", "1"));
    private WebApplicationFactory<Program>? _host;

    private static byte[] PdfBytes(int size)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\nstartxref\n9\n%%EOF\n"u8.CopyTo(bytes.AsSpan(size - 19));
        return bytes;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string version, string fileName, HttpContent file, string page = Pdf)
    {
        var token = await BackOffice.TokenAsync(client, page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version), "version" },
            { new StringContent("Nieuwe versie uit de test."), "releaseNotes" },
            { file, "file", fileName },
        };
        return await client.PostAsync(page, form);
    }

    /// <summary>A part header broken by a line break in the file name was answered as if the form had too many fields (attack
    /// of 7 December 2026); it is now told as what it is, and nothing is kept.</summary>
    [Fact]
    public async Task A_file_name_with_a_line_break_gets_its_own_message_and_keeps_nothing()
    {
        var client = await EditorAsync();
        var before = await CountAsync();
        const string boundary = "grens";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n9.7\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\nX-Injected: 1\r\n.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n"
            + $"--{boundary}--\r\n";
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        var response = await client.PostAsync(Pdf, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("bijvoorbeeld een bestandsnaam met een regeleinde erin", html);
        Assert.DoesNotContain("meer of langere velden", html);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<(int Revisions, int Blobs)> CountAsync()
    {
        using var scope = Host.Services.CreateScope();
        var revisions = await scope.ServiceProvider.GetRequiredService<JasDbContext>().AssetRevisions.CountAsync();
        var blobs = 0;
        await foreach (var _ in scope.ServiceProvider.GetRequiredService<IBlobStore>().ListAsync()) blobs++;
        return (revisions, blobs);
    }

    private async Task<HttpClient> EditorAsync() => await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));

    [Fact]
    public async Task A_new_revision_is_published_under_its_hash_and_downloadable_at_its_own_url()
    {
        var client = await EditorAsync();
        var bytes = PdfBytes(300_000);
        var response = await UploadAsync(client, "9.1", "mijn eigen naam.pdf", new ByteArrayContent(bytes));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Contains(sha, html);
        // In words an editor reads, with the way to the public page of this very version.
        Assert.Contains("Versie 9.1 is gepubliceerd: PDF, 300\u00A0kB.", System.Net.WebUtility.HtmlDecode(html));
        var page = Regex.Match(html, "<a href=\"([^\"]+)\">Bekijk de downloadpagina</a>").Groups[1].Value;
        Assert.Equal("/nl/downloads/nl/het-gesprek-handboek-pdf/9.1", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        var downloads = await client.GetFromJsonAsync<JsonElement>("/api/v1/downloads");
        var pdf = downloads.EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "het-gesprek-handboek-pdf");
        Assert.Equal("9.1", pdf.GetProperty("latest").GetProperty("version").GetString());
        Assert.Equal(sha, pdf.GetProperty("latest").GetProperty("sha256").GetString());
        var file = await client.GetAsync("/files/nl/het-gesprek-handboek-pdf/9.1");
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("het-gesprek-handboek-9.1.pdf", file.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/files/nl/het-gesprek-handboek-pdf/1.0")).StatusCode);

        var again = await UploadAsync(client, "9.1", "x.pdf", new ByteArrayContent(PdfBytes(1000)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var againHtml = await again.Content.ReadAsStringAsync();
        Assert.Contains("Versie 9.1 bestaat al", againHtml);
        Assert.Matches("id=\"version\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"upload-problem\"", againHtml);
        Assert.DoesNotMatch("id=\"file\"[^>]*aria-describedby", againHtml);
    }

    [Theory]
    [InlineData("plaatje.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }, "de inhoud is geen PDF")]
    [InlineData("programma.exe", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "geen bestanden van dit soort")]
    [InlineData("pagina.html", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "geen bestanden van dit soort")]
    [InlineData("handboek.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "dezelfde soort")]
    // Only the first bytes of a PDF (the attack of 6 December 2026 made one of 5 bytes the latest handbook edition).
    [InlineData("kort.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "het einde van een PDF ontbreekt")]
    [InlineData("afgebroken.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "het einde van een PDF ontbreekt")]
    // A shell of 18 bytes, "%PDF-1.4\nabc\n%%EOF": an end marker without the pointer every PDF writer puts before it (7 December 2026).
    [InlineData("schil.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x61, 0x62, 0x63, 0x0A, 0x25, 0x25, 0x45, 0x4F, 0x46 }, "het einde van een PDF ontbreekt")]
    public async Task A_file_that_is_not_what_it_claims_or_not_served_here_is_refused(string fileName, byte[] bytes, string message)
    {
        var client = await EditorAsync();
        var before = await CountAsync();

        var response = await UploadAsync(client, "8.0", fileName, new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Matches("id=\"file\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"upload-problem\"", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_word_file_must_be_a_readable_zip_with_a_document_in_it()
    {
        const string docx = "/beheer/bestanden/nl/het-gesprek-handboek-docx";
        var client = await EditorAsync();
        var before = await CountAsync();
        static byte[] Zip(params string[] names)
        {
            var stream = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                foreach (var name in names)
                    using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("<x/>");
            return stream.ToArray();
        }

        var cut = await UploadAsync(client, "8.1", "h.docx", new ByteArrayContent(Zip("[Content_Types].xml", "word/document.xml")[..40]), docx);
        Assert.Contains("onvolledig of beschadigd", await cut.Content.ReadAsStringAsync());
        var other = await UploadAsync(client, "8.1", "h.docx", new ByteArrayContent(Zip("iets.txt")), docx);
        Assert.Contains("geen Word-document", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(before, await CountAsync());

        var word = await UploadAsync(client, "8.1", "h.docx", new ByteArrayContent(Zip("[Content_Types].xml", "word/document.xml")), docx);
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Contains("Versie 8.1 is gepubliceerd", await word.Content.ReadAsStringAsync());
    }

    [Theory]
    // The CBS list as Dutch Excel saves it: semicolons between the columns.
    [InlineData("gemeentelijke-indeling-2023", "lijst.csv", "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\n0546;GM0546;Leiden;28;PV28;Zuid-Holland\n",
        "geen kolom 'Gemeentecode'")]
    [InlineData("gemeentelijke-indeling-2023", "lijst.csv", "Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n0546,GM0546\n",
        "minder kolommen")]
    [InlineData("gemeentelijke-indeling-2023", "lijst.csv", "Gemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n",
        "bevat geen gemeenten")]
    [InlineData("gemeentegrenzen-2023", "grenzen.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}", "geen GeoJSON met gemeentegrenzen")]
    [InlineData("gemeentegrenzen-2023", "grenzen.geojson", "{ geen json", "geen GeoJSON met gemeentegrenzen")]
    public async Task A_data_file_the_municipality_pages_cannot_read_is_refused_and_the_pages_stay_up(
        string slug, string fileName, string text, string message)
    {
        // Found by the attack of 5 December 2026: such an upload was published, and every municipality page answered 500.
        var client = await EditorAsync();
        var before = await CountAsync();

        var response = await UploadAsync(client, "2099", fileName, new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)),
            $"/beheer/bestanden/nl/{slug}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await CountAsync());
        var anonymous = Host.CreateClient();
        Assert.Contains("Leiden", await anonymous.GetStringAsync("/nl/gemeenten"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/municipalities/0546")).StatusCode);
    }

    [Fact]
    public async Task A_data_file_that_cannot_be_read_and_came_in_another_way_gives_way_to_the_version_before()
    {
        // An import from a content folder is not checked like an upload: the pages then use the newest version they can read.
        using (var scope = Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<FileRevisionStore>();
            var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
            var asset = (await store.FindAsync("nl", "gemeentelijke-indeling-2023"))!;
            await using var content = new MemoryStream("Gemeentecode;Gemeentenaam\n0546;Leiden\n"u8.ToArray());
            var stored = await StoredFile.StoreAsync(blobs, content, "text/csv");
            var revision = asset.AddRevision(stored, $"kapot-{Guid.NewGuid():N}"[..20], "gemeentelijke-indeling-kapot.csv", "Onleesbaar, uit de test.", DateTime.UtcNow);
            await store.SaveAsync(asset, [revision], "test");
        }
        var anonymous = Host.CreateClient();

        var list = await anonymous.GetAsync("/nl/gemeenten");
        var leiden = await anonymous.GetAsync("/api/v1/municipalities/0546");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Leiden", await list.Content.ReadAsStringAsync());
        Assert.Contains("Zoeterwoude", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, leiden.StatusCode);
    }

    [Fact]
    public async Task A_file_name_with_a_raw_quote_gets_a_message_and_nothing_is_stored()
    {
        // Browsers send %22; a hand-made request with a bare quote ended on "Pagina niet gevonden" (attack of 5 December 2026).
        var client = await EditorAsync();
        var before = await CountAsync();
        var file = new ByteArrayContent(PdfBytes(1000));
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"evil\"name.pdf\"");

        var token = await BackOffice.TokenAsync(client, Pdf);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("8.3"), "version" },
        };
        form.Add(file);
        var response = await client.PostAsync(Pdf, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {html}");
        Assert.Contains("role=\"alert\"", html);
        Assert.Equal(before, await CountAsync());
    }

    /// <summary>Found by the attack of 6 December 2026: notes of 2,001–4,000 characters passed the form (maxlength 4000)
    /// and broke the alert notification's column on PostgreSQL (500), while SQLite stored them; longer notes were called
    /// "Het bestand is te groot".</summary>
    /// <remarks>A control that turns the reading direction (U+202E) is refused the same way: the notes go into the feed and the
    /// alert e-mails, where it would make them read as something else.</remarks>
    [Theory]
    [InlineData(2001, "", "hoogstens 2000 tekens (nu 2001)")]
    [InlineData(70 * 1024, "", "hoogstens 2000 tekens (nu 71680)")]
    [InlineData(20, "\u202E", "de leesrichting omzet (U+202E)")]
    // A form feed or Word's soft line break was stored, and the Atom feed of editions answered 500 from then on (the attack
    // of 6 December 2026).
    [InlineData(20, "\f", "onzichtbaar stuurteken (U+000C)")]
    [InlineData(20, "\v", "onzichtbaar stuurteken (U+000B)")]
    public async Task Release_notes_over_the_limit_are_refused_at_their_field_and_nothing_is_stored(int length, string control, string message)
    {
        var client = await EditorAsync();
        var before = await CountAsync();
        var token = await BackOffice.TokenAsync(client, Pdf);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("8.4"), "version" },
            // The control inside the text: the form trims white space at the ends, a form feed included.
            { new StringContent(new string('n', length) + (control.Length == 0 ? "" : control + "n")), "releaseNotes" },
            { new ByteArrayContent(PdfBytes(1000)), "file", "klein.pdf" },
        };

        var response = await client.PostAsync(Pdf, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("te groot", html);
        Assert.Matches("id=\"releaseNotes\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_form_with_more_fields_than_the_page_sends_is_not_called_a_file_too_large()
    {
        var client = await EditorAsync();
        var before = await CountAsync();
        var token = await BackOffice.TokenAsync(client, Pdf);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("8.5"), "version" },
            { new ByteArrayContent(PdfBytes(1000)), "file", "klein.pdf" },
        };
        for (var i = 0; i < 1100; i++) form.Add(new StringContent("x"), $"veld{i}");

        var response = await client.PostAsync(Pdf, form);
        var html = await response.Content.ReadAsStringAsync();

        // Model binding read the form first and, over its limits, left the route's file unbound: 404 until 6 December 2026.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("meer of langere velden dan dit formulier stuurt", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_over_the_limit_sent_without_a_length_gets_413_with_a_message_and_nothing_is_stored()
    {
        var client = await EditorAsync();
        var before = await CountAsync();

        var response = await UploadAsync(client, "8.6", "groot.pdf", new UnknownLength(PdfBytes(2 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Het bestand is te groot", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync());
    }

    /// <summary>A body whose length is not said beforehand (chunked), so only reading it shows its size.</summary>
    private sealed class UnknownLength(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413_with_a_message_and_nothing_is_stored()
    {
        var client = await EditorAsync();
        var before = await CountAsync();

        var response = await UploadAsync(client, "8.1", "groot.pdf", new ByteArrayContent(PdfBytes(2 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Het bestand is te groot", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_upload_that_breaks_off_half_way_leaves_no_revision_and_no_blob()
    {
        var client = await EditorAsync();
        var before = await CountAsync();

        await Assert.ThrowsAnyAsync<Exception>(
            () => UploadAsync(client, "8.2", "half.pdf", new StreamContent(new BreakingStream(PdfBytes(600_000), breakAt: 300_000))));

        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/nl/het-gesprek-handboek-pdf/8.2")).StatusCode);
    }

    /// <summary>A request body that fails part-way, as a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAt) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= breakAt ? throw new IOException("The connection was lost.")
                : base.Read(buffer, offset, (int)Math.Min(count, breakAt - Position));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAt) throw new IOException("The connection was lost.");
            return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAt - Position)], cancellationToken);
        }
    }
}

public sealed class SqliteUploadTests(SqlitePortal fixture) : UploadTests<SqlitePortal>(fixture);

public sealed class PostgresUploadTests(PostgresPortal fixture) : UploadTests<PostgresPortal>(fixture);
