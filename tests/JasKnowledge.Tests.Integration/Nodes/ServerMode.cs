using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Nodes;

/// <summary>Settings and helpers for portal processes in server mode: PostgreSQL and a blob container in
/// Azurite, shared by every node started with the same settings.</summary>
public static partial class ServerMode
{
    public static Dictionary<string, string> Settings(string connectionString, string container) => new()
    {
        // "Testing" keeps the sign-in cookie usable over plain HTTP on loopback (it is Secure in production).
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Jas__Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Jas"] = connectionString,
        ["Jas__Blobs__Provider"] = "Azure",
        ["Jas__Blobs__ConnectionString"] = TestServers.Azurite,
        ["Jas__Blobs__Container"] = container,
        ["Jas__Beheer__LoginAttemptsPerMinute"] = "1000",
        ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"] = "Warning",
    };

    /// <summary>Nodes started together on an empty database: exactly one imported the content (its log
    /// says so), and every item came in once.</summary>
    public static async Task AssertImportedOnceAsync(TestDatabase database, params PortalProcess[] nodes)
    {
        Assert.Single(nodes, node => node.Log.Contains("Content import of", StringComparison.Ordinal));
        var items = await database.CountAsync("""SELECT count(*) FROM "ContentItems" """);
        Assert.True(items > 50, $"Only {items} content items were imported.");
        Assert.Equal(items, await database.CountAsync("""SELECT count(*) FROM "ContentVersions" """));
    }

    public static string NewContainer() => "nodes-" + Guid.NewGuid().ToString("N")[..12];

    [GeneratedRegex("One-time password[^:]*: (\\S+)")]
    private static partial Regex OneTimePassword();

    /// <summary>An editor made with the real command, signed in through the form on <paramref name="node"/>
    /// with the one-time password, which is then replaced by <see cref="BackOffice.Password"/>; then the
    /// second factor is enrolled through its page, as every account must.</summary>
    public static async Task<HttpClient> SignedInEditorAsync(Dictionary<string, string> settings, PortalProcess node)
    {
        var email = $"redacteur-{Guid.NewGuid():N}@example.nl";
        var (exitCode, output, error) = await PortalProcess.RunAsync(settings, "add-user", email, "editor");
        Assert.True(exitCode == 0, error);
        var oneTime = OneTimePassword().Match(output).Groups[1].Value;

        // Cookies are kept per host, not per port: what node A sets, the client also sends to node B.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        client.BaseAddress = node.Address;
        Assert.Equal(HttpStatusCode.Redirect, (await BackOffice.SignInAsync(client, email, oneTime)).StatusCode);
        var token = await BackOffice.TokenAsync(client, "/beheer/wachtwoord");
        var changed = await BackOffice.PostFormAsync(client, "/beheer/wachtwoord", token,
            [new("Current", oneTime), new("New", BackOffice.Password), new("Repeat", BackOffice.Password)]);
        Assert.Equal("/beheer", changed.Headers.Location?.OriginalString);
        await BackOffice.EnrolThroughPageAsync(client, email);
        return client;
    }

    [GeneratedRegex("name=\"Base\" value=\"([^\"]*)\"")]
    private static partial Regex BaseField();

    /// <summary>Publishes a new Dutch version of an item through the back-office form.</summary>
    public static async Task PublishAsync(HttpClient editor, TestDatabase database, string localizationSet, string title, string body)
    {
        var id = await database.ScalarAsync(
            """SELECT "Id" FROM "ContentItems" WHERE "LocalizationSet" = @set AND "Culture" = 'nl'""", ("@set", localizationSet));
        var form = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        var token = await BackOffice.TokenAsync(editor, $"/beheer/inhoud/{id}");
        var published = await BackOffice.PostFormAsync(editor, $"/beheer/inhoud/{id}?handler=Publish", token,
        [
            new("Base", WebUtility.HtmlDecode(BaseField().Match(form).Groups[1].Value)), new("Title", title),
            new("Summary", ""), new("Body", body), new("ChangeNote", "Nieuwe alinea"),
        ]);
        Assert.Contains("is gepubliceerd", await published.Content.ReadAsStringAsync());
    }

    public const string HandbookPdf = "/beheer/bestanden/nl/het-gesprek-handboek-pdf";

    public static byte[] RandomPdf(int size)
    {
        var bytes = new byte[size];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\nstartxref\n9\n%%EOF\n"u8.CopyTo(bytes.AsSpan(size - 19));
        return bytes;
    }

    /// <summary>Uploads a new revision through the back-office form.</summary>
    public static async Task UploadAsync(HttpClient editor, string page, string version, byte[] bytes)
    {
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(await BackOffice.TokenAsync(editor, page)), "__RequestVerificationToken" },
            { new StringContent(version), "version" },
            { new StringContent("Een versie uit een test met processen."), "releaseNotes" },
            { new ByteArrayContent(bytes), "file", "handboek.pdf" },
        };
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(page, multipart)).StatusCode);
    }
}
