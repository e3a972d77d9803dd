using System.Net;
using System.Text.RegularExpressions;
using JasKnowledge.Tests.Integration.Infrastructure;
using Npgsql;

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

    public static string NewContainer() => "nodes-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [GeneratedRegex("One-time password[^:]*: (\\S+)")]
    private static partial Regex OneTimePassword();

    /// <summary>An editor made with the real command, signed in through the form on <paramref name="node"/>
    /// with the one-time password, which is then replaced by <see cref="BackOffice.Password"/>.</summary>
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
        return client;
    }
}
