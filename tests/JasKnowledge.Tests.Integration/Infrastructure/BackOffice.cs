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
    public static WebApplicationFactory<Program> WithLoginLimit(PortalFactory factory, int loginsPerMinute) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Jas:Beheer:LoginAttemptsPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Creates an account with a known password that need not be changed.</summary>
    public static async Task<string> CreateUserAsync(WebApplicationFactory<Program> factory, string role, string? gemeente = null, bool mustChangePassword = false)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.nl";
        using var scope = factory.Services.CreateScope();
        var (user, _, problems) = await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync(email, role, gemeente, Password);
        Assert.True(user is not null, string.Join("; ", problems));
        if (!mustChangePassword)
        {
            user!.MustChangePassword = false;
            await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().UpdateAsync(user);
        }
        return email;
    }

    public static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var token = await TokenAsync(client, "/beheer/inloggen");
        return await client.PostAsync("/beheer/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
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

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
}
