using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>A second reader before a translation goes online (Jas:TranslationsNeedReview), on both databases: a translator's
/// "Publiceren" keeps the text as a draft and says why, editors find it under the open drafts and publish it; the public page
/// changes only then. Without the setting translators publish as before (the other translation tests).</summary>
public abstract partial class TranslationReviewTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Host => _host ??= BackOffice.WithLoginLimit(
        fixture.Factory, 1000, builder => builder.UseSetting("Jas:TranslationsNeedReview", "true"));
    private WebApplicationFactory<Program>? _host;

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid id, string body)
    {
        var page = $"/beheer/inhoud/{id}";
        var form = await client.GetStringAsync(page);
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        return await BackOffice.PostFormAsync(client, $"{page}?handler=Publish", await BackOffice.TokenAsync(client, page),
            [new("Base", Field("Base")), new("Title", Field("Title")), new("Summary", Field("Summary")), new("Body", body),
                new("ChangeNote", "Een zin toegevoegd."), new("IsMajor", "true")]);
    }

    [Fact]
    public async Task A_translators_text_waits_as_a_draft_until_an_editor_has_read_and_published_it()
    {
        var translatorEmail = await BackOffice.CreateUserAsync(Host, PortalRoles.Translator, languages: ["ar"]);
        var translator = await BackOffice.SignedInAsync(Host, translatorEmail);
        Guid id;
        string before;
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync("informatie/je-klantmanager", "ar"))!;
            (id, before) = (item.Id, item.Published!.Body);
        }
        var form = await translator.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.Contains("id=\"second-reader\"", form);
        Assert.DoesNotContain("asp-page-handler=\"Publish\"", form);
        Assert.DoesNotContain("?handler=Publish\"", form);

        const string added = "جملة مضافة للمراجعة.";
        var waits = await PublishAsync(translator, id, before + "\n\n" + added);
        Assert.Equal(HttpStatusCode.OK, waits.StatusCode);
        Assert.Contains("Op dit portaal leest een redacteur elke vertaling", WebUtility.HtmlDecode(await waits.Content.ReadAsStringAsync()));
        var visitor = Host.CreateClient();
        Assert.DoesNotContain(added, await visitor.GetStringAsync("/ar/informatie/je-klantmanager"));
        using (var scope = Host.Services.CreateScope())
        {
            var item = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!;
            Assert.Equal(before, item.Published!.Body);
            Assert.EndsWith(added, item.Draft!.Body);
        }

        // The editors' work list names the draft, its language and who wrote it; the editor publishes it as it is.
        var editor = await BackOffice.SignedInAsync(Host, await BackOffice.CreateUserAsync(Host, PortalRoles.Editor));
        var list = WebUtility.HtmlDecode(await editor.GetStringAsync("/beheer/vertalingen"));
        var open = list[list.IndexOf("id=\"open-concepten\"", StringComparison.Ordinal)..];
        open = open[..open.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"/beheer/inhoud/{id}\"", open);
        Assert.Contains($"van {translatorEmail}", open);
        var editorForm = await editor.GetStringAsync($"/beheer/inhoud/{id}");
        Assert.DoesNotContain("id=\"second-reader\"", editorForm);
        string draftBody;
        using (var scope = Host.Services.CreateScope())
            draftBody = (await scope.ServiceProvider.GetRequiredService<ContentStore>().FindAsync(id))!.Draft!.Body;
        var published = await PublishAsync(editor, id, draftBody);
        Assert.Contains("is gepubliceerd", WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        Assert.Contains(added, await visitor.GetStringAsync("/ar/informatie/je-klantmanager"));
        Assert.DoesNotContain($"href=\"/beheer/inhoud/{id}\"",
            WebUtility.HtmlDecode(await editor.GetStringAsync("/beheer/vertalingen")).Split("id=\"open-concepten\"")[1].Split("</section>")[0]);
        using (var scope = Host.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<JasDbContext>().AuditLog
                .AnyAsync(e => e.Actor == translatorEmail && e.Action == "content.draft" && e.Subject.StartsWith("informatie/je-klantmanager (ar)")));
    }
}

public sealed class SqliteTranslationReviewTests(SqlitePortal fixture) : TranslationReviewTests<SqlitePortal>(fixture);

public sealed class PostgresTranslationReviewTests(PostgresPortal fixture) : TranslationReviewTests<PostgresPortal>(fixture);
