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
        Assert.Matches("name=\"zegel\" value=\"[^\"]{40,}\"", sheet);
        Assert.Contains("name=\"antwoord\" value=\"nee\"", sheet);

        // A page of its own per test run, so that the counts below are this test's alone.
        // (Sealed here as the page's form would seal it: the portal renders no page at this path.)
        var page = $"/ar/informatie/proef-{Guid.NewGuid():N}"[..40];
        var seal = host.Services.GetRequiredService<FeedbackPages>().Seal(page);
        var answered = await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"));
        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        var thanks = answered.Headers.Location!.OriginalString;
        Assert.Equal($"/ar/reactie?pagina={Uri.EscapeDataString(page)}&zegel={Uri.EscapeDataString(seal)}&antwoord=nee", thanks);
        var thanksPage = await visitor.GetStringAsync(thanks);
        Assert.Contains("id=\"reactie-bedankt\"", thanksPage);
        Assert.Contains("<textarea id=\"opmerking\"", thanksPage);
        Assert.Contains($"href=\"{page}\"", thanksPage);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "ja"))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/ar/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"))).StatusCode);

        // An empty remark and one too long come back as typed, with the reason.
        var empty = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("id=\"reactie-probleem\"", await empty.Content.ReadAsStringAsync());
        var tooLong = new string('ب', 1001);
        var refused = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("1000", refusedPage);
        Assert.Contains(tooLong, refusedPage);
        Assert.Contains("aria-invalid=\"true\"", refusedPage);

        const string remark = "لم أفهم كلمة <script>mentor</script>";
        var sent = await PostAsync(visitor, "/ar/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", $"  {remark}\n"));
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
    [InlineData("/ar/zzz/yyy/xxx", "nee")]                  // the right shape, but no page of the portal sealed it
    public async Task An_answer_for_no_page_of_this_portal_is_refused_with_a_message_and_counts_nothing(string? path, string? answer)
    {
        var client = BackOffice.Client(portal.Factory);
        var fields = new List<(string, string)>();
        if (path is not null) fields.Add(("pagina", path));
        // A seal the portal made, but for another page.
        fields.Add(("zegel", portal.Factory.Services.GetRequiredService<FeedbackPages>().Seal("/ar/over")));
        if (answer is not null) fields.Add(("antwoord", answer));
        var response = await PostAsync(client, "/ar/reactie", [.. fields]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reactie-probleem\"", html);
        Assert.Contains("href=\"/ar\"", html);
        Assert.DoesNotContain("evil.example", html);
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        Assert.False(await db.PageFeedbackCounts.AnyAsync(c => c.Path.Contains("evil") || c.Path.Contains("..") || c.Path.Contains("?")
            || c.Path.Contains("zzz")));
    }

    [Theory]
    [InlineData("/nl/reactie")]
    [InlineData("/nl/reactie?pagina=%2F%2Fevil.example%2Fnl")]
    [InlineData("/nl/reactie?pagina=%2Far%2Finformatie")]
    [InlineData("/nl/reactie?pagina=%2Fnl%2Fover&zegel=nep")]
    public async Task The_thanks_page_for_no_page_of_this_portal_is_not_found(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Factory.CreateClient().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Many_posts_from_one_client_are_told_when_to_try_again_and_the_remark_is_kept()
    {
        await using var host = portal.Factory.WithWebHostBuilder(builder => builder.UseSetting(FeedbackLimit.Setting, "2"));
        var client = BackOffice.Client(host);
        var (page, seal) = await FormOfAsync(client, "/so/informatie/je-mentor");
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "/so/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "ja"))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "/so/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "ja"))).StatusCode);
        var third = await PostAsync(client, "/so/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", "Aad baad u mahadsantahay"));
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

    /// <summary>Ministry and municipal staff can say whether a municipality's page helps and that the municipality uses the
    /// method, with its source: 338 of 342 municipalities have no record, and reports are how the portal learns (peer review of
    /// 7 December 2026).</summary>
    [Fact]
    public async Task A_municipality_page_asks_and_a_report_of_its_source_reaches_the_editors()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var visitor = BackOffice.Client(host);
        var html = await visitor.GetStringAsync("/nl/gemeenten/amsterdam");
        Assert.Contains("Laat het weten met de vraag onderaan deze pagina, en noem de bron", html);
        var (page, seal) = await FormOfAsync(visitor, "/nl/gemeenten/amsterdam");
        Assert.Equal("/nl/gemeenten/amsterdam", page);
        Assert.Contains("name=\"pagina\" value=\"/nl/gemeenten/leiden\"", await visitor.GetStringAsync("/nl/gemeenten/leiden"));

        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/nl/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"))).StatusCode);
        const string remark = "Wij gebruiken de aanpak sinds 2024: zie het raadsbesluit op onze website.";
        Assert.Equal(HttpStatusCode.SeeOther,
            (await PostAsync(visitor, "/nl/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", remark))).StatusCode);

        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var report = await editor.GetStringAsync("/beheer/reacties?taal=nl&periode=7");
        Assert.Contains($"<a href=\"{page}\" dir=\"ltr\">{page}</a>", report);
        Assert.Contains(remark, report);
    }

    [Fact]
    public async Task A_page_with_a_final_slash_asks_about_the_page_itself_and_a_remark_with_line_breaks_counts_each_as_one()
    {
        var client = BackOffice.Client(portal.Factory);
        var (page, seal) = await FormOfAsync(client, "/uk/over/");
        Assert.Equal("/uk/over", page);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "/uk/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"))).StatusCode);
        // 1,000 characters as the text box counts them; a browser sends each break as CR LF (1,009 on the wire).
        var remark = string.Join("\r\n", Enumerable.Repeat(new string('ж', 99), 10));
        var sent = await PostAsync(client, "/uk/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", remark));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        // The thanks page belongs to one page: its language links lead to the home pages, with no alternates.
        var thanks = await client.GetStringAsync(sent.Headers.Location!.OriginalString);
        Assert.DoesNotContain("hreflang=\"nl\" href=\"http", thanks);
        Assert.Contains("href=\"/nl\" lang=\"nl\"", thanks);
    }

    [Fact]
    public async Task A_translator_reads_and_removes_remarks_in_their_own_languages_only()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var visitor = BackOffice.Client(host);
        var marker = Guid.NewGuid().ToString("N")[..10];
        foreach (var url in new[] { "/ti/informatie/je-mentor", "/nl/informatie/je-mentor" })
        {
            var (page, seal) = await FormOfAsync(visitor, url);
            var culture = url[1..3];
            Assert.Equal(HttpStatusCode.SeeOther,
                (await PostAsync(visitor, $"/{culture}/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", $"{culture} {marker}"))).StatusCode);
        }
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var all = await editor.GetStringAsync("/beheer/reacties?periode=7");
        var dutch = RemarkOf(all, "/nl/informatie/je-mentor", $"nl {marker}");
        var email = await BackOffice.CreateUserAsync(host, PortalRoles.Translator, languages: ["ti"]);
        var translator = await BackOffice.SignedInAsync(host, email);
        var own = await translator.GetStringAsync("/beheer/reacties?periode=7&taal=NL");   // a language not theirs: their own
        Assert.Contains($"ti {marker}", own);
        Assert.DoesNotContain($"nl {marker}", own);
        Assert.DoesNotContain("<option value=\"nl\"", own);
        var token = await BackOffice.TokenAsync(translator, "/beheer/reacties");
        var refused = await BackOffice.PostFormAsync(translator, $"/beheer/reacties?handler=verwijderen&id={dutch}", token, []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("een taal die u niet beheert", await translator.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains($"nl {marker}", await editor.GetStringAsync("/beheer/reacties?periode=7&taal=NL"));   // still there
        Assert.Equal(HttpStatusCode.BadRequest,
            (await BackOffice.PostFormAsync(translator, "/beheer/reacties?handler=verwijderen&id=abc", token, [])).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_editors_answer_and_remark_are_not_kept_and_they_are_told_why()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var page = $"/fa/informatie/proef-{Guid.NewGuid():N}"[..40];
        var seal = host.Services.GetRequiredService<FeedbackPages>().Seal(page);
        var answered = await PostAsync(editor, "/fa/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"));
        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        var thanks = await editor.GetStringAsync(answered.Headers.Location!.OriginalString);
        Assert.Contains("id=\"reactie-medewerker\"", thanks);
        Assert.DoesNotContain("<textarea", thanks);
        Assert.Equal(HttpStatusCode.SeeOther,
            (await PostAsync(editor, "/fa/reactie?handler=opmerking", ("pagina", page), ("zegel", seal), ("opmerking", "van de redactie"))).StatusCode);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JasDbContext>();
        Assert.False(await db.PageFeedbackCounts.AnyAsync(c => c.Path == page));
        Assert.False(await db.PageComments.AnyAsync(c => c.Path == page));
        // A visitor's answer to the same page counts.
        var visitor = BackOffice.Client(host);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(visitor, "/fa/reactie", ("pagina", page), ("zegel", seal), ("antwoord", "nee"))).StatusCode);
        Assert.True(await db.PageFeedbackCounts.AnyAsync(c => c.Path == page && c.NotUseful == 1));
    }

    [Fact]
    public async Task The_status_line_counts_every_remark_of_the_period_when_only_the_newest_are_shown()
    {
        var host = BackOffice.WithLoginLimit(portal.Factory, 1000);
        var page = $"/uk/informatie/proef-{Guid.NewGuid():N}"[..40];
        using (var scope = host.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<JasKnowledge.Data.Feedback.PageFeedbackLog>();
            for (var i = 0; i < JasKnowledge.Data.Feedback.PageFeedbackLog.CommentsShown + 5; i++) await log.CommentAsync(page, "uk", $"reactie {i}");
        }
        int kept;
        using (var scope = host.Services.CreateScope())
            kept = await scope.ServiceProvider.GetRequiredService<JasDbContext>().PageComments.CountAsync(c => c.Culture == "uk");
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var report = await editor.GetStringAsync("/beheer/reacties?taal=uk&periode=7");
        Assert.Contains($"{kept} reacties, de nieuwste 200 hieronder.", report);   // fewer than 1,000: no separator
        Assert.Equal(JasKnowledge.Data.Feedback.PageFeedbackLog.CommentsShown, Regex.Matches(report, "<li id=\"reactie-").Count);
        Assert.Contains($"reactie {JasKnowledge.Data.Feedback.PageFeedbackLog.CommentsShown + 4}<", report);
    }

    /// <summary>The path and seal a page's form carries.</summary>
    private static async Task<(string Page, string Seal)> FormOfAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var page = Regex.Match(html, "name=\"pagina\" value=\"([^\"]+)\"").Groups[1].Value;
        var seal = Regex.Match(html, "name=\"zegel\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(page) || string.IsNullOrEmpty(seal), url);
        return (System.Net.WebUtility.HtmlDecode(page), System.Net.WebUtility.HtmlDecode(seal));
    }

    private static string RemarkOf(string report, string page, string text)
    {
        var match = Regex.Match(report, $"<li id=\"reactie-(\\d+)\">\\s*<p class=\"remarks__meta\">.*?<a href=\"{Regex.Escape(page)}\".*?{Regex.Escape(text)}", RegexOptions.Singleline);
        Assert.True(match.Success, report);
        return match.Groups[1].Value;
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
