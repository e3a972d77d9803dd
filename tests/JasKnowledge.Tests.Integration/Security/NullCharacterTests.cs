using System.Net;
using System.Security.Cryptography;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Security;

/// <summary>
/// A NUL character in what a client sends never reaches the database, on both databases: PostgreSQL refuses one in any
/// text (found by the back-office attack of 6 December 2026: a multipart sign-in form answered 500 without an account,
/// as did the content editor, an upload's release notes and the audit log's filters); SQLite would have kept it. The
/// character is dropped and the rest of what was typed is kept.
/// </summary>
public abstract class NullCharacterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(fixture.Factory, 1000);
    private WebApplicationFactory<Program>? _host;

    [Fact]
    public async Task A_multipart_sign_in_with_a_null_character_is_an_ordinary_failed_sign_in()
    {
        var client = BackOffice.Client(Host);
        var token = await BackOffice.TokenAsync(client, "/beheer/inloggen");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a\0@example.nl"), "Email" },
            { new StringContent("een wachtwoord dat niet klopt"), "Password" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        var response = await client.PostAsync("/beheer/inloggen", form);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest,
            $"{(int)response.StatusCode}");
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/beheer/logboek?wie=%00")]
    [InlineData("/beheer/logboek?onderwerp=a%00")]
    [InlineData("/beheer/logboek?actie=%00&handler=csv")]
    public async Task An_audit_log_filter_with_a_null_character_answers(string url)
    {
        var admin = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Administrator));

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_title_sent_as_multipart_with_a_null_character_is_saved_without_it()
    {
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Guid id;
        using (var scope = Host.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("handboek/sessie-3-solidariteit-en-meedoen", "nl"))!.Id;
        var page = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        var stamp = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"Base\" value=\"([^\"]*)\"").Groups[1].Value);
        var token = await BackOffice.TokenAsync(editor, $"/beheer/inhoud/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(stamp), "Base" }, { new StringContent("Sessie 3\0 met een NUL"), "Title" },
            { new StringContent("Tekst\0 van de test."), "Body" }, { new StringContent(token), "__RequestVerificationToken" },
        };

        var response = await editor.PostAsync($"/beheer/inhoud/{id}?handler=Draft", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = Host.Services.CreateScope();
        var draft = (await after.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Draft!;
        Assert.Equal("Sessie 3 met een NUL", draft.Title);
        Assert.Equal("Tekst van de test.", draft.Body);
    }

    [Fact]
    public async Task A_url_encoded_form_with_a_null_character_is_saved_without_it()
    {
        // It answered a bare 400 and the editor's text was gone (the same attack).
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        Guid id;
        using (var scope = Host.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("handboek/sessie-4-werk-inkomen-en-de-uitkering", "nl"))!.Id;
        var page = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        var stamp = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"Base\" value=\"([^\"]*)\"").Groups[1].Value);
        var token = await BackOffice.TokenAsync(editor, $"/beheer/inhoud/{id}");

        var response = await BackOffice.PostFormAsync(editor, $"/beheer/inhoud/{id}?handler=Draft", token,
            [new("Base", stamp), new("Title", "Sessie 4"), new("Body", "a\0b")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = Host.Services.CreateScope();
        Assert.Equal("ab", (await after.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Draft!.Body);
    }

    [Fact]
    public async Task Release_notes_with_a_null_character_are_published_without_it()
    {
        const string page = "/beheer/bestanden/nl/je-mentor-pdf";
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var token = await BackOffice.TokenAsync(editor, page);
        var pdf = new byte[2000];
        RandomNumberGenerator.Fill(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        "\nstartxref\n9\n%%EOF\n"u8.CopyTo(pdf.AsSpan(pdf.Length - 19));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("9.1"), "version" },
            { new StringContent("Nieuw\0 blad."), "releaseNotes" }, { new ByteArrayContent(pdf), "file", "blad.pdf" },
        };

        var response = await editor.PostAsync(page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = Host.Services.CreateScope();
        var notes = await scope.ServiceProvider.GetRequiredService<JasDbContext>().AssetRevisions
            .Where(r => r.VersionLabel == "9.1").Select(r => r.ReleaseNotes).SingleAsync();
        Assert.Equal("Nieuw blad.", notes);
    }
}

public sealed class SqliteNullCharacterTests(SqlitePortal fixture) : NullCharacterTests<SqlitePortal>(fixture);
public sealed class PostgresNullCharacterTests(PostgresPortal fixture) : NullCharacterTests<PostgresPortal>(fixture);
