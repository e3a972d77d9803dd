using System.Net;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>
/// Every back-office endpoint × every kind of visitor → the expected status. The endpoint list comes
/// from the running portal, so a new endpoint under /beheer without a rule here fails the test.
/// The municipal editor is bound to Leiderdorp (0547); {code} is Leiden (0546): another municipality.
/// </summary>
public abstract class AuthorizationMatrixTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode No = HttpStatusCode.Forbidden;
    private const HttpStatusCode Gone = HttpStatusCode.NotFound;
    private static readonly string[] Visitors = ["anonymous", PortalRoles.Editor, PortalRoles.Translator, PortalRoles.MunicipalEditor,
        PortalRoles.Administrator];

    /// <summary>Route pattern → expected GET status per visitor, in the order of <see cref="Visitors"/>.</summary>
    private static readonly Dictionary<string, HttpStatusCode[]> Rules = new()
    {
        ["beheer"] = [SignIn, Ok, Ok, Ok, Ok],
        ["beheer/inloggen"] = [Ok, Ok, Ok, Ok, Ok],
        ["beheer/uitloggen"] = [SignIn, Ok, Ok, Ok, Ok],
        ["beheer/wachtwoord"] = [SignIn, Ok, Ok, Ok, Ok],
        ["beheer/gemeenten"] = [SignIn, No, No, No, Ok],
        ["beheer/gemeenten/{code:length(4)}"] = [SignIn, No, No, No, Ok],
        // A municipal editor sees only their municipality's information for participants (none yet: an empty list).
        ["beheer/inhoud"] = [SignIn, Ok, Ok, Ok, Ok],
        // New items: editors and administrators; a municipal editor only their municipality's information (NewItemTests,
        // GemeenteInfoTests say where).
        ["beheer/inhoud/nieuw"] = [SignIn, Ok, No, Ok, Ok],
        // {id} is a Dutch handbook chapter: translators edit translations only.
        ["beheer/inhoud/{id:guid}"] = [SignIn, Ok, No, No, Ok],
        ["beheer/inhoud/{id:guid}/geschiedenis"] = [SignIn, Ok, No, No, Ok],
        // The languages of a Dutch-only chapter: nothing a translator or a municipal editor may work on.
        ["beheer/inhoud/{id:guid}/vertalingen"] = [SignIn, Ok, No, No, Ok],
        ["beheer/logboek"] = [SignIn, No, No, No, Ok],
        ["beheer/vertalingen"] = [SignIn, Ok, Ok, No, Ok],
        ["beheer/zoekvragen"] = [SignIn, Ok, Ok, No, Ok],
        ["beheer/reacties"] = [SignIn, Ok, Ok, No, Ok],
        ["beheer/bestanden"] = [SignIn, Ok, No, No, Ok],
        ["beheer/bestanden/{culture:culture}/{slug:slug}"] = [SignIn, Ok, No, No, Ok],
        // The second step of signing in without a password step first goes back to the first.
        ["beheer/inloggen/tweede-stap"] = [SignIn, SignIn, SignIn, SignIn, SignIn],
        ["beheer/tweestapsverificatie"] = [SignIn, Ok, Ok, Ok, Ok],
        ["beheer/gebruikers"] = [SignIn, No, No, No, Ok],
        // {id} is the editor's own account.
        ["beheer/gebruikers/{id}"] = [SignIn, No, No, No, Ok],
        // {token} is a link that was never issued.
        ["beheer/uitnodiging/{token}"] = [Gone, Gone, Gone, Gone, Gone],
    };

    [Fact]
    public async Task Every_back_office_endpoint_answers_each_kind_of_visitor_as_the_rules_say()
    {
        var host = BackOffice.WithLoginLimit(fixture.Factory, 1000);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p == "beheer" || p.StartsWith("beheer/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Rules.Keys.Order(StringComparer.Ordinal), endpoints);

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = BackOffice.Client(host) };
        var emails = new Dictionary<string, string>();
        foreach (var role in Visitors.Skip(1))
        {
            emails[role] = await BackOffice.CreateUserAsync(host, role, role == PortalRoles.MunicipalEditor ? "0547" : null);
            clients[role] = await BackOffice.SignedInAsync(host, emails[role]);
        }
        var editorId = await UsersTests.IdOfAsync(host, emails[PortalRoles.Editor]);

        Guid chapter;
        using (var scope = host.Services.CreateScope())
            chapter = (
                await scope.ServiceProvider.GetRequiredService<Data.Content.ContentStore>()
                .FindAsync("handboek/sessie-1-nederland-en-jij", "nl"))!.Id;
        var failures = new List<string>();
        foreach (var pattern in endpoints)
        {
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{code[^}]*\}", "0546").Replace("{id:guid}", chapter.ToString())
                .Replace("{culture:culture}/{slug:slug}", "nl/het-gesprek-handboek-pdf")
                .Replace("{id}", editorId).Replace("{token}", "nooit-uitgegeven");
            for (var i = 0; i < Visitors.Length; i++)
            {
                var status = (await clients[Visitors[i]].GetAsync(url)).StatusCode;
                if (status != Rules[pattern][i]) failures.Add($"GET {url} as {Visitors[i]}: {(int)status}, expected {(int)Rules[pattern][i]}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_municipalitys_record_is_edited_in_its_own_form_not_by_editors_through_the_content_editor()
    {
        // Found by the attack of 5 December 2026: editors, refused at /beheer/gemeenten/0546, published and took
        // Leiden's record offline through /beheer/inhoud.
        var host = BackOffice.WithLoginLimit(fixture.Factory, 1000);
        var editor = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Editor));
        var admin = await BackOffice.SignedInAsync(host, await BackOffice.CreateUserAsync(host, PortalRoles.Administrator));
        Guid leiden;
        using (var scope = host.Services.CreateScope())
            leiden = (await scope.ServiceProvider.GetRequiredService<Data.Content.ContentStore>().FindAsync("programmas/gemeenten/leiden", "nl"))!.Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/beheer/inhoud/{leiden}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/beheer/inhoud/{leiden}/geschiedenis")).StatusCode);
        Assert.DoesNotContain($"/beheer/inhoud/{leiden}", await editor.GetStringAsync("/beheer/inhoud"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/beheer/inhoud/{leiden}")).StatusCode);
        Assert.Contains($"/beheer/inhoud/{leiden}", await admin.GetStringAsync("/beheer/inhoud"));
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqlitePortal fixture) : AuthorizationMatrixTests<SqlitePortal>(fixture);

public sealed class PostgresAuthorizationMatrixTests(PostgresPortal fixture) : AuthorizationMatrixTests<PostgresPortal>(fixture);
