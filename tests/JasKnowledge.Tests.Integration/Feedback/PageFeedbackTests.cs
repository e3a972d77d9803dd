using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Feedback;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Feedback;

/// <summary>"Heb je iets aan deze pagina?": a visitor's answer and remark through the plain forms, what editors read on
/// /beheer/reacties, and every wrong or excessive post refused with a message that loses nothing.</summary>
public abstract class PageFeedbackTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFixture
{
    [Fact]
    public async Task A_participant_answers_no_leaves_a_remark_and_an_editor_reads_it_and_removes_it()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var visitor = BackOffice.Client(host);
        var sheet = await visitor.GetStringAsync("/ar/informatie/je-mentor");
        Assert.Contains("action=\"/ar/reactie\"", sheet);
        Assert.Contains("name=\"pagina\" value=\"/ar/informatie/je-mentor\"", sheet);
        Assert.Contains("name=\"antwoord\" value=\"nee\"", sheet);

        // A page of its own per test run, so that the counts below are this test's alone.
        var page = $"/ar/informatie/proef-{Guid.NewGuid():N}"[..40];
        var answered = await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("antwoord", "nee"));
        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        var thanks = answered.Headers.Location!.OriginalString;
        Assert.Equal($"/ar/reactie?pagina={Uri.EscapeDataString(page)}&antwoord=nee", thanks);
        var thanksPage = await visitor.GetStringAsync(thanks);
        Assert.Contains("id=\"reactie-bedankt\"", thanksPage);
        Assert.Contains("<textarea id=\"opmerking\"", thanksPage);
        Assert.Contains($"href=\"{page}\"", thanksPage);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("antwoord", "ja"))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("antwoord", "nee"))).StatusCode);

        // An empty remark and one too long come back as typed, with the reason.
        var empty = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("opmerking", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("id=\"reactie-probleem\"", await empty.Content.ReadAsStringAsync());
        var tooLong = new string('ب', 1001);
        var refused = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("opmerking", tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("1000", refusedPage);
        Assert.Contains(tooLong, refusedPage);
        Assert.Contains("aria-invalid=\"true\"", refusedPage);

        const string remark = "لم أفهم كلمة <script>mentor</script>";
        var sent = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("opmerking", $"  {remark}\n"));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Contains("id=\"reactie-verstuurd\"", await visitor.GetStringAsync(sent.Headers.Location!.OriginalString));

        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var report = await editor.GetStringAsync("/beheer/reacties?taal=ar&periode=7");
        Assert.Matches($"<a href=\"{page}\" dir=\"ltr\">{page}</a></th>\\s*<td>العربية \\(ar\\)</td>\\s*<td class=\"number\">1</td>\\s*<td class=\"number\">2 \\(67%\\)</td>", report);
        Assert.Contains("لم أفهم كلمة &lt;script&gt;mentor&lt;/script&gt;", report);
        Assert.DoesNotContain("<script>mentor", report);
        // Another language's view does not show it.
        Assert.DoesNotContain(page, await editor.GetStringAsync("/beheer/reacties?taal=nl"));

        var id = RemarkOf(report, page);
        var token = await BackOffice.TokenAsync(editor, "/beheer/reacties?taal=ar&periode=7");
        var removed = await BackOffice.PostFormAsync(editor, $"/beheer/reacties?handler=verwijderen&id={id}&taal=ar&periode=7", token, []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await editor.GetStringAsync(removed.Headers.Location!.OriginalString);
        Assert.Contains("De reactie is verwijderd.", after);
        Assert.DoesNotContain("لم أفهم كلمة", after);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        var audit = await db.AuditLog.Where(e => e.Action == "feedback.comment.remove").ToListAsync();
        Assert.Contains(audit, e => e.Subject == $"reactie {id} op {page}" && e.Detail == null);
        // Twice: said, not an error.
        var again = await BackOffice.PostFormAsync(editor, $"/beheer/reacties?handler=verwijderen&id={id}", token, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Die reactie was al verwijderd.", await editor.GetStringAsync(again.Headers.Location!.OriginalString));
    }

    [Theory]
    [InlineData(null, "nee")]
    [InlineData("https://evil.example/nl", "nee")]
    [InlineData("//evil.example/ar", "nee")]
    [InlineData("/nl/informatie/je-mentor", "nee")]     // another language than the form's
    [InlineData("/ar/../beheer", "nee")]
    [InlineData("/ar/informatie/je-mentor?x=1", "nee")]
    [InlineData("/ar/informatie/je-mentor", "misschien")]
    [InlineData("/ar/informatie/je-mentor", null)]
    public async Task An_answer_for_no_page_of_this_portal_is_refused_with_a_message_and_counts_nothing(string? path, string? answer)
    {
        var client = BackOffice.Client(portal.Factory);
        var fields = new List<(string, string)>();
        if (path is not null) fields.Add(("pagina", path));
        if (answer is not null) fields.Add(("antwoord", answer));
        var response = await PostAsync(client, "/ar/reactie", [.. fields]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reactie-probleem\"", html);
        Assert.Contains("href=\"/ar\"", html);
        Assert.DoesNotContain("evil.example", html);
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        Assert.False(await db.PageFeedbackCounts.AnyAsync(c => c.Path.Contains("evil") || c.Path.Contains("..") || c.Path.Contains("?")));
    }

    [Theory]
    [InlineData("/nl/reactie")]
    [InlineData("/nl/reactie?pagina=%2F%2Fevil.example%2Fnl")]
    [InlineData("/nl/reactie?pagina=%2Far%2Finformatie")]
    public async Task The_thanks_page_for_no_page_of_this_portal_is_not_found(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Factory.CreateClient().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Many_posts_from_one_client_are_told_when_to_try_again_and_the_remark_is_kept()
    {
        await using var host = portal.Factory.WithWebHostBuilder(builder => builder.UseSetting(FeedbackLimit.Setting, "2"));
        var client = BackOffice.Client(host);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "/so/reactie", ("pagina", "/so/informatie/je-mentor"), ("antwoord", "ja"))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "/so/reactie", ("pagina", "/so/informatie/je-mentor"), ("antwoord", "ja"))).StatusCode);
        var third = await PostAsync(client, "/so/reactie?handler=opmerking", ("pagina", "/so/informatie/je-mentor"), ("opmerking", "Aad baad u mahadsantahay"));
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var html = await third.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reactie-probleem\"", html);
        Assert.Contains("Aad baad u mahadsantahay</textarea>", html);
    }

    [Fact]
    public async Task Every_kind_of_content_page_asks_and_the_search_and_error_pages_do_not()
    {
        var client = portal.Factory.CreateClient();
        foreach (var url in new[] { "/nl/handboek/inleiding", "/nl/handboek/sessie-1-nederland-en-jij/sessie", "/ti/informatie/je-mentor",
            "/prs/video/je-mentor", "/uk/over" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url);
            Assert.Contains($"name=\"pagina\" value=\"{url}\"", await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("name=\"antwoord\"", await client.GetStringAsync("/nl/zoeken?q=gesprek"));
        Assert.DoesNotContain("name=\"antwoord\"", await (await client.GetAsync("/nl/bestaat-niet-echt")).Content.ReadAsStringAsync());
    }

    private static string RemarkOf(string report, string page)
    {
        var match = Regex.Match(report, $"<li id=\"reactie-(\\d+)\">\\s*<p class=\"remarks__meta\">.*?<a href=\"{Regex.Escape(page)}\"", RegexOptions.Singleline);
        Assert.True(match.Success, report);
        return match.Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
}

public sealed class SqlitePageFeedbackTests(SqlitePortal portal) : PageFeedbackTests<SqlitePortal>(portal);
public sealed class PostgresPageFeedbackTests(PostgresPortal portal) : PageFeedbackTests<PostgresPortal>(portal);
