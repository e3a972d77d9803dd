using System.Net;
using JasKnowledge.Data;
using JasKnowledge.Data.Accounts;
using JasKnowledge.Tests.Integration.Infrastructure;
using JasKnowledge.Web.Features.Beheer.Inhoud;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Beheer;

/// <summary>The data-protection keys live in the database: a sign-in cookie and a preview link made by
/// one portal host are accepted by another on the same database, and the key ring is in the database
/// table (two hosts in one test process here, which would also share a key folder; the test with two
/// processes belongs to issue 8).</summary>
public abstract class SharedKeysTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PortalFixture
{
    [Fact]
    public async Task A_cookie_and_a_preview_link_from_one_node_work_on_another()
    {
        var nodeA = BackOffice.WithLoginLimit(fixture.Factory, 1000);
        var nodeB = BackOffice.WithLoginLimit(fixture.Factory, 999);
        var email = await BackOffice.CreateUserAsync(nodeA, PortalRoles.Editor);
        var signIn = await BackOffice.SignInAsync(BackOffice.Client(nodeA), email);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jas-beheer=", StringComparison.Ordinal)).Split(';')[0];

        var onB = BackOffice.Client(nodeB);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/beheer");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(request)).StatusCode);

        Guid id;
        using (var scope = nodeA.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<Data.Content.ContentStore>().FindAsync("pages/over", "nl"))!.Id;
        var link = nodeA.Services.GetRequiredService<PreviewLinks>().Create(id, 1);
        Assert.Equal(HttpStatusCode.OK, (await BackOffice.Client(nodeB).GetAsync(link.Url)).StatusCode);

        using var check = nodeB.Services.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<JasDbContext>().DataProtectionKeys.AnyAsync());
    }
}

public sealed class SqliteSharedKeysTests(SqlitePortal fixture) : SharedKeysTests<SqlitePortal>(fixture);

public sealed class PostgresSharedKeysTests(PostgresPortal fixture) : SharedKeysTests<PostgresPortal>(fixture);
