using System.Net.Http.Headers;
using JasKnowledge.Data.Blobs;

namespace JasKnowledge.Tests.Integration.Blobs;

/// <summary>The canonical string the service checks Shared Key signatures against, written out by hand
/// from the "Authorize with Shared Key" rules; no Azurite needed.</summary>
public sealed class SharedKeySignerTests
{
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Date = "Sat, 22 Nov 2025 10:00:00 GMT";
    private static readonly SharedKeySigner Signer = new("devstoreaccount1", Convert.FromBase64String(DevelopmentKey));

    [Fact]
    public void A_block_upload_signs_length_type_sorted_lower_case_ms_headers_and_decoded_query()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/docs/note.md?comp=block&blockid=YWJj%2BZA%3D%3D");
        request.Content = new ByteArrayContent(new byte[5]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("X-MS-Date", Date);
        request.Headers.TryAddWithoutValidation("x-ms-blob-content-type", "  text/markdown ");
        request.Headers.TryAddWithoutValidation("If-Match", "\"0x8D\"");

        Assert.Equal(
            "PUT\n" + "\n" + "\n" + "5\n" + "\n" + "text/plain\n" + "\n" + "\n" + "\"0x8D\"\n" + "\n" + "\n" + "\n" +
            "x-ms-blob-content-type:text/markdown\n" +
            "x-ms-date:" + Date + "\n" +
            "x-ms-version:2021-08-06\n" +
            "/devstoreaccount1/devstoreaccount1/docs/note.md\n" +
            "blockid:YWJj+ZA==\n" +
            "comp:block",
            Signer.StringToSign(request));
    }

    [Fact]
    public void A_zero_length_body_signs_an_empty_content_length_and_query_parameters_sort_by_name()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/docs?restype=container&comp=list&prefix=b-&marker=2%21abc");
        request.Content = new ByteArrayContent([]);
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);

        Assert.Equal(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-date:" + Date + "\n" +
            "/devstoreaccount1/devstoreaccount1/docs\n" +
            "comp:list\nmarker:2!abc\nprefix:b-\nrestype:container",
            Signer.StringToSign(request));
    }

    [Fact]
    public void Sign_puts_the_HMAC_of_the_canonical_string_in_the_authorization_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:10000/devstoreaccount1/docs?restype=container&comp=list");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");

        Signer.Sign(request);

        // Computed independently (Python's hmac) over the canonical string of this request.
        Assert.Equal("SharedKey devstoreaccount1:WioVDP6849h3cGkSApGY6sNRp7BoTDfO7ZJQduPZSe4=", request.Headers.Authorization?.ToString());
    }
}
