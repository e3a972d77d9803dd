using System.Net;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>Sessions really end (issue 20, point 2): sign-out, a new password, another role, a disabled
/// account and "sign out everywhere" end every session of that account on every node, at once: two portal
/// hosts share the database and run with the production setting (Jas:Beheer:SessionCheckSeconds 0, a check on
/// every request); no test waits. With the former one minute a saved cookie worked on after sign-out.</summary>
public abstract class SessionEndTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private WebApplicationFactory<Program> Node(int limit) => BackOffice.WithLoginLimit(fixture.Factory, limit);

    private static async Task<string> CookieAsync(WebApplicationFactory<Program> node, string email)
    {
        var signIn = await BackOffice.SignInAsync(BackOffice.Client(node), email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jas-beheer=", StringComparison.Ordinal)).Split(';')[0];
    }

    private const string SignedOut = "sent to sign in";

    /// <summary>"200", or <see cref="SignedOut"/> when the node sends the cookie's holder to the sign-in page.</summary>
    private static async Task<string> WithCookieAsync(WebApplicationFactory<Program> node, string cookie, string url = "/beheer")
    {
        var response = await AnswerAsync(node, cookie, url);
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.PathAndQuery.StartsWith("/beheer/inloggen?", StringComparison.Ordinal)
            ? SignedOut
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Every_back_office_page_offers_sign_out_in_its_header_and_a_public_page_never_does()
    {
        var node = Node(1000);
        var client = await BackOffice.SignedInAsync(node, await BackOffice.CreateUserAsync(node, PortalRoles.Administrator));
        const string headerButton = "<div class=\"site-header__account\">";
        // The content list, the translations, a module's own pages (the municipalities) and the user administration.
        foreach (var url in new[] { "/beheer", "/beheer/inhoud", "/beheer/vertalingen", "/beheer/gemeenten", "/beheer/gemeenten/0546",
            "/beheer/gebruikers", "/beheer/logboek" })
        {
            var html = await client.GetStringAsync(url);
            var header = html[..html.IndexOf("<main", StringComparison.Ordinal)];
            Assert.True(header.Contains(headerButton, StringComparison.Ordinal), url);
            Assert.Matches("<form method=\"post\" action=\"/beheer/uitloggen\"><button type=\"submit\">Uitloggen</button>"
                + "<input name=\"__RequestVerificationToken\" type=\"hidden\"", header);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, ">Uitloggen</button>"));
        }
        // A back-office address that does not exist, or is not this account's, answers with the error page: sign-out stays.
        var missing = await client.GetAsync("/beheer/inhoud/00000000-0000-0000-0000-000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(headerButton, await missing.Content.ReadAsStringAsync());
        // A public page is the same for everyone (and cached): the signed-in editor gets no header of their own there.
        foreach (var url in new[] { "/nl", "/nl/handboek", "/ar/informatie" })
            Assert.DoesNotContain(headerButton, await client.GetStringAsync(url));
        var publicMissing = await client.GetAsync("/nl/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, publicMissing.StatusCode);
        Assert.DoesNotContain(headerButton, await publicMissing.Content.ReadAsStringAsync());
        // The header's button signs out.
        var token = await BackOffice.TokenAsync(client, "/beheer/vertalingen");
        Assert.Equal(HttpStatusCode.Redirect, (await BackOffice.PostFormAsync(client, "/beheer/uitloggen", token, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/beheer/vertalingen")).StatusCode);
    }

    private static async Task<HttpResponseMessage> AnswerAsync(WebApplicationFactory<Program> node, string cookie, string url = "/beheer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await BackOffice.Client(node).SendAsync(request);
    }

    private static bool WritesTheCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("jas-beheer=", StringComparison.Ordinal));

    /// <summary>A browser keeps the cookie of whichever answer arrives last. If checking a session wrote the
    /// cookie, a late answer to a request sent just before enrolment or a new password (an icon, an image) would
    /// put the old session back, or delete the new one, and the next page would ask the user to sign in: the
    /// account journey failed so, now and then.</summary>
    [Fact]
    public async Task Checking_a_session_writes_no_cookie_so_a_late_answer_cannot_undo_a_new_one()
    {
        var a = Node(1000);
        var email = await BackOffice.CreateUserAsync(a, PortalRoles.Editor);
        var browser = BackOffice.Client(a);
        var signIn = await BackOffice.SignInAsync(browser, email);
        var before = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jas-beheer=", StringComparison.Ordinal)).Split(';')[0];
        var passed = await AnswerAsync(a, before);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.False(WritesTheCookie(passed), "A session that passed its check was sent a cookie.");

        var token = await BackOffice.TokenAsync(browser, "/beheer/wachtwoord");
        var changed = await BackOffice.PostFormAsync(
            browser, "/beheer/wachtwoord", token,
            [new("Current", BackOffice.Password), new("New", "een heel ander wachtwoord"), new("Repeat", "een heel ander wachtwoord")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(WritesTheCookie(changed));

        // The answer to a request the browser sent with the cookie from before the change.
        var late = await AnswerAsync(a, before);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/beheer/inloggen?", late.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(WritesTheCookie(late), "The late answer deleted the browser's new cookie.");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/beheer")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_dead_on_every_node()
    {
        var (a, b) = (Node(1000), Node(999));
        var email = await BackOffice.CreateUserAsync(a, PortalRoles.Editor);
        var client = await BackOffice.SignedInAsync(a, email);
        var saved = await CookieAsync(a, email);
        Assert.Equal("200", await WithCookieAsync(b, saved));

        // Through the dashboard's own button: its form posted to /beheer itself (action ""), answered 405 and signed
        // nobody out, while this test posted to /beheer/uitloggen directly (found by the review of 5 December 2026).
        var dashboard = await client.GetStringAsync("/beheer");
        var button = System.Text.RegularExpressions.Regex.Match(
            dashboard, "<form method=\"post\" action=\"([^\"]*)\">(?:(?!</form>).)*>Uitloggen</button>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(button.Success, "The dashboard has no sign-out form with an action.");
        Assert.Equal("/beheer/uitloggen", button.Groups[1].Value);
        var token = await BackOffice.TokenAsync(client, "/beheer");
        var signedOut = await BackOffice.PostFormAsync(client, button.Groups[1].Value, token, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("U bent uitgelogd", await client.GetStringAsync(signedOut.Headers.Location!.OriginalString));
        Assert.Equal(SignedOut, await WithCookieAsync(a, saved));
        Assert.Equal(SignedOut, await WithCookieAsync(b, saved));
        Assert.Equal(SignedOut, await WithCookieAsync(b, saved, "/beheer/inhoud"));
    }

    [Fact]
    public async Task A_new_password_ends_the_other_session_and_keeps_this_one()
    {
        var (a, b) = (Node(1000), Node(999));
        var email = await BackOffice.CreateUserAsync(a, PortalRoles.Editor);
        var here = await BackOffice.SignedInAsync(a, email);
        var other = await CookieAsync(b, email);
        Assert.Equal("200", await WithCookieAsync(b, other));

        var token = await BackOffice.TokenAsync(here, "/beheer/wachtwoord");
        var changed = await BackOffice.PostFormAsync(
            here, "/beheer/wachtwoord", token,
            [new("Current", BackOffice.Password), new("New", "een heel ander wachtwoord"), new("Repeat", "een heel ander wachtwoord")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(SignedOut, await WithCookieAsync(b, other));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/beheer")).StatusCode);
    }

    [Theory]
    [InlineData("Role")]
    [InlineData("Disable")]
    [InlineData("SignOut")]
    [InlineData("ResetTwoFactor")]
    public async Task An_administrators_change_ends_the_accounts_sessions_on_every_node(string handler)
    {
        var (a, b) = (Node(1000), Node(999));
        var admin = await BackOffice.SignedInAsync(a, await BackOffice.CreateUserAsync(a, PortalRoles.Administrator));
        var email = await BackOffice.CreateUserAsync(a, PortalRoles.Editor);
        var onA = await CookieAsync(a, email);
        var onB = await CookieAsync(b, email);
        Assert.Equal("200", await WithCookieAsync(b, onB));

        Assert.Equal(HttpStatusCode.OK, await ChangeAccountAsync(a, admin, email, handler));
        Assert.Equal(SignedOut, await WithCookieAsync(a, onA));
        Assert.Equal(SignedOut, await WithCookieAsync(b, onB));
    }

    /// <summary>Found by the attack of 6 December 2026: the cookie between the password and the code outlived
    /// the account's sessions, so a code finished a sign-in whose password came before "sign out everywhere",
    /// another role or a new password.</summary>
    [Theory]
    [InlineData("Role")]
    [InlineData("SignOut")]
    [InlineData("Password")]
    public async Task A_sign_in_half_done_ends_with_the_accounts_sessions(string change)
    {
        var (a, b) = (Node(1000), Node(999));
        var admin = await BackOffice.SignedInAsync(a, await BackOffice.CreateUserAsync(a, PortalRoles.Administrator));
        var email = await BackOffice.CreateUserAsync(a, PortalRoles.Editor);
        var halfDone = BackOffice.Client(b);
        Assert.Equal(BackOffice.SecondStep, (await BackOffice.PasswordStepAsync(halfDone, email)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await halfDone.GetAsync(BackOffice.SecondStep)).StatusCode);

        if (change == "Password")
        {
            var owner = await BackOffice.SignedInAsync(a, email);
            var form = await BackOffice.TokenAsync(owner, "/beheer/wachtwoord");
            Assert.Equal(HttpStatusCode.Redirect, (await BackOffice.PostFormAsync(owner, "/beheer/wachtwoord", form,
                [new("Current", BackOffice.Password), new("New", "een heel ander wachtwoord"), new("Repeat", "een heel ander wachtwoord")])).StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, await ChangeAccountAsync(a, admin, email, change));
        }

        // The code step neither shows nor takes a code any more, on the node where the password was given.
        var page = await halfDone.GetAsync(BackOffice.SecondStep);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/beheer/inloggen?afgebroken=ja", page.Headers.Location!.OriginalString);
        Assert.Contains("Het inloggen is afgebroken", await halfDone.GetStringAsync(page.Headers.Location.OriginalString));
        var code = await Totp.FreshAsync(email, BackOffice.AuthenticatorKey);
        var antiforgery = await BackOffice.TokenAsync(halfDone, "/beheer/inloggen");
        var finished = await BackOffice.PostFormAsync(halfDone, BackOffice.SecondStep, antiforgery, [new("Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.StartsWith("/beheer/inloggen", finished.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(WritesTheCookie(finished));
        Assert.Equal(SignedOut, await WithStatusAsync(halfDone));
    }

    /// <summary>An administrator's button on the account's page (the role becomes translator; a question is answered yes).</summary>
    private static async Task<HttpStatusCode> ChangeAccountAsync(WebApplicationFactory<Program> node, HttpClient admin, string email, string handler)
    {
        var id = await UsersTests.IdOfAsync(node, email);
        var token = await BackOffice.TokenAsync(admin, $"/beheer/gebruikers/{id}");
        using var done = await BackOffice.PostFormAsync(admin, $"/beheer/gebruikers/{id}?handler={handler}", token,
            [new("Role", PortalRoles.Translator), new("Gemeente", ""), new("confirmed", "true")]);
        return done.StatusCode;
    }

    private static async Task<string> WithStatusAsync(HttpClient client)
    {
        var response = await client.GetAsync("/beheer");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/beheer/inloggen?", StringComparison.Ordinal)
            ? SignedOut : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteSessionEndTests(SqlitePortal fixture) : SessionEndTests<SqlitePortal>(fixture);

public sealed class PostgresSessionEndTests(PostgresPortal fixture) : SessionEndTests<PostgresPortal>(fixture);
