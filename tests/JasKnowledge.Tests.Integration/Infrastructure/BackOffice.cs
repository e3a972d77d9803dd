using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Data.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Infrastructure;

/// <summary>Accounts and signed-in clients for back-office tests: through the real sign-in form, with
/// the antiforgery token every form post needs.</summary>
public static partial class BackOffice
{
    public const string Password = "Proef-Wachtwoord-2026";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>A host on the fixture's database whose sign-in rate limit is <paramref name="loginsPerMinute"/>.</summary>
    /// <remarks>Everything else the host needs goes in <paramref name="more"/>, never in a WithWebHostBuilder on the answer: a
    /// host derived from a derived factory is disposed by nobody and polled its deleted database to the end of the run,
    /// dozens of them, slowing every test after (the CI run of 6 December took 51 minutes).</remarks>
    public static WebApplicationFactory<Program> WithLoginLimit(PortalFactory factory, int loginsPerMinute, Action<IWebHostBuilder>? more = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jas:Beheer:LoginAttemptsPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            more?.Invoke(builder);
        });

    /// <summary>The authenticator key of the accounts <see cref="CreateUserAsync"/> makes (Base32, 20 bytes).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Keys of accounts enrolled through the real page, by address, so a later sign-in in the same
    /// test run (e.g. after a restore) can compute their codes too.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

    public static void RememberKey(string email, string key) => Keys[email] = key;

    public static string KeyOf(string email) => Keys.TryGetValue(email, out var key) ? key : AuthenticatorKey;

    /// <summary>Creates an account with a known password that need not be changed, enrolled in two-factor
    /// sign-in with <see cref="AuthenticatorKey"/> (unless <paramref name="enrolled"/> is false).</summary>
    /// <param name="languages">For a translator: the languages they translate into (none: every one).</param>
    public static async Task<string> CreateUserAsync(
        WebApplicationFactory<Program> factory, string role, string? gemeente = null, bool mustChangePassword = false, bool enrolled = true,
        string[]? languages = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.nl";
        using var scope = factory.Services.CreateScope();
        var (user, _, problems) = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .CreateAsync(email, role, gemeente, Password, languages);
        Assert.True(user is not null, string.Join("; ", problems.Select(p => p.English)));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!mustChangePassword)
        {
            user!.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        if (enrolled) await EnrolAsync(users, user!, AuthenticatorKey);
        return email;
    }

    /// <summary>Gives the account a known authenticator key and switches two-factor sign-in on, as
    /// enrolment through /beheer/tweestapsverificatie does.</summary>
    public static async Task EnrolAsync(UserManager<PortalUser> users, PortalUser user, string key)
    {
        Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
    }

    public static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the form; when the portal asks for the second factor, the code of the
    /// account's key follows (<see cref="SecondStepAsync"/>). Returns the last answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var response = await PasswordStepAsync(client, email, password);
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith(SecondStep, StringComparison.Ordinal)
            ? await SecondStepAsync(client, await Totp.FreshAsync(email, KeyOf(email)))
            : response;
    }

    public const string SecondStep = "/beheer/inloggen/tweede-stap";

    /// <summary>Only the first step: e-mail address and password.</summary>
    public static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password = Password)
    {
        var token = await TokenAsync(client, "/beheer/inloggen");
        return await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The second step with a code (or, with <paramref name="recovery"/>, a recovery code).</summary>
    public static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code, bool recovery = false)
    {
        var token = await TokenAsync(client, SecondStep);
        return await PostFormAsync(
            client, recovery ? SecondStep + "?handler=Recovery" : SecondStep, token, [new(recovery ? "RecoveryCode" : "Code", code)]);
    }

    [GeneratedRegex("<code id=\"shared-key\">([^<]+)</code>")]
    private static partial Regex SharedKeyField();

    /// <summary>Enrols the signed-in account through /beheer/tweestapsverificatie as a person with an
    /// authenticator app would: reads the key the page shows, answers with its code. Returns the key
    /// (remembered for later sign-ins) and the page with the recovery codes.</summary>
    public static async Task<(string Key, string Page)> EnrolThroughPageAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/beheer/tweestapsverificatie");
        var key = WebUtility.HtmlDecode(SharedKeyField().Match(page).Groups[1].Value).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.False(string.IsNullOrEmpty(key), page);
        var token = await TokenAsync(client, "/beheer/tweestapsverificatie");
        var enrolled = await PostFormAsync(client, "/beheer/tweestapsverificatie", token, [new("Code", await Totp.FreshAsync(email, key))]);
        var html = await enrolled.Content.ReadAsStringAsync();
        Assert.True(enrolled.StatusCode == HttpStatusCode.OK && html.Contains("Uw herstelcodes", StringComparison.Ordinal), html);
        RememberKey(email, key);
        return (key, html);
    }

    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = Client(factory);
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beheer", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>The antiforgery token of a page's form, for this client's cookie.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
}
