using System.Net;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using QRCoder;

namespace JasKnowledge.Tests.Integration.Print;

/// <summary>What a printed text carries, on both databases: its address and version and a QR code to the same text in the
/// reader's own language; the code encodes the portal's public address and one of its own paths, never anything a link asks
/// for; and the language chooser for one text leads to that text in each language.</summary>
public abstract class PrintProvenanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private HttpClient Client() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_printed_sheet_names_its_address_and_version_and_its_code_leads_to_the_languages_of_that_sheet()
    {
        var html = WebUtility.HtmlDecode(await Client().GetStringAsync("/ar/informatie/je-mentor"));
        var footer = html[html.IndexOf("<footer class=\"print-provenance\" lang=\"ar\" dir=\"rtl\">", StringComparison.Ordinal)..];
        footer = footer[..footer.IndexOf("</footer>", StringComparison.Ordinal)];
        Assert.Contains("<img src=\"/qr.svg?pad=%2Ftalen%2Finformatie%2Fje-mentor\" alt=\"\" width=\"88\" height=\"88\" loading=\"lazy\">", footer);
        Assert.Matches("هذا النص \\(النسخة \\d+\\) موجود على الإنترنت: <bdi lang=\"nl\" dir=\"ltr\">http://localhost/ar/informatie/je-mentor</bdi>", footer);
        Assert.Contains("امسح الرمز بهاتفك", footer);
        // A page printed at an address in capitals still names the address its links write.
        Assert.Contains("http://localhost/nl/informatie/je-mentor</bdi>",
            WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/Informatie/je-mentor")));
        // A final slash prints the address its links write (the footer had been left out).
        var slash = WebUtility.HtmlDecode(await Client().GetStringAsync("/nl/informatie/je-mentor/"));
        Assert.Contains("http://localhost/nl/informatie/je-mentor</bdi>", slash);
        Assert.Contains("/qr.svg?pad=%2Ftalen%2Finformatie%2Fje-mentor", slash);
        // The home page is no printed text.
        Assert.DoesNotContain("print-provenance\"", await Client().GetStringAsync("/nl"));
    }

    [Fact]
    public async Task The_code_is_the_public_address_and_the_path_and_nothing_else()
    {
        var response = await Client().GetAsync("/qr.svg?pad=%2Ftalen%2Finformatie%2Fje-mentor");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl!.ToString());
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("http://localhost/talen/informatie/je-mentor", QRCodeGenerator.ECCLevel.M);
        Assert.Equal(new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute),
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?pad=")]
    [InlineData("?pad=https%3A%2F%2Fevil.example%2Fx")]
    [InlineData("?pad=%2F%2Fevil.example%2Fx")]
    [InlineData("?pad=%2Fnl%2F..%2Fbeheer")]
    [InlineData("?pad=%2FNL%2Finformatie")]
    [InlineData("?pad=%2Fnl%2Finformatie%3Fx%3D1")]
    [InlineData("?pad=%2Fnl%2Finformatie%0A")]
    [InlineData("?pad=%2Fnl%2Finformatie%2F")]
    [InlineData("?pad=%2Fa%2Fb%2Fc%2Fd%2Fe%2Ff%2Fg")]
    [InlineData("?pad=nl%2Finformatie")]
    [InlineData("?pad=%2Fnl&pad=%2Far")]
    public async Task Anything_but_a_path_of_the_portal_is_refused_with_the_reason(string query)
    {
        var response = await Client().GetAsync("/qr.svg" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Geef met pad= een pad van dit portaal", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_very_long_path_is_refused_too()
    {
        var response = await Client().GetAsync("/qr.svg?pad=/" + new string('a', 7000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_language_chooser_of_one_text_leads_to_that_text_in_each_language_and_stays_out_of_search_engines()
    {
        var html = await Client().GetStringAsync("/talen/informatie/je-mentor");
        foreach (var code in new[] { "nl", "ar", "ti", "so", "prs" })
            Assert.Contains($"href=\"/{code}/informatie/je-mentor\" hreflang=\"{code}\"", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, follow\">", html);
        // The chooser for everything is as it was; a path no printed code carries is not found, never a link elsewhere.
        var all = await Client().GetStringAsync("/talen");
        Assert.Contains("href=\"/ar/informatie\" hreflang=\"ar\"", all);
        Assert.DoesNotContain("noindex", all);
        foreach (var odd in new[] { "/talen/INFORMATIE/je-mentor", "/talen/informatie/je%20mentor", "/talen/%2F%2Fevil.example", "/talen/a/b/c/d/e/f/g",
                     "/talen/nl/informatie" })
        {
            var response = await Client().GetAsync(odd);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("evil.example\"", await response.Content.ReadAsStringAsync());
        }
    }
}

public sealed class SqlitePrintProvenanceTests(SqlitePortal fixture) : PrintProvenanceTests<SqlitePortal>(fixture);

public sealed class PostgresPrintProvenanceTests(PostgresPortal fixture) : PrintProvenanceTests<PostgresPortal>(fixture);
