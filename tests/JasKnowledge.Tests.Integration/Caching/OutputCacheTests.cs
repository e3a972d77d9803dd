using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Search;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Tests.Integration.Caching;

/// <summary>Public pages come from the output cache until something is published; then the next
/// visitor sees the new text at once. Text is compressed; files keep their exact bytes.</summary>
public abstract class OutputCacheTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : SearchPortal
{
    [Fact]
    public async Task A_page_is_served_from_the_cache_until_a_publication_and_then_shows_the_new_text()
    {
        var client = portal.Factory.CreateClient();
        var first = await client.GetAsync("/nl/koffie");
        Assert.False(first.Headers.Contains("Age"));
        var second = await client.GetAsync("/nl/koffie");
        Assert.True(second.Headers.Contains("Age"), "the second request should come from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync("pages/koffie", "nl"))!;
            await store.PublishNewVersionAsync(item, new VersionText("Koffie", "We drinken nu thee in de kantine."), "test");
        }
        var after = await client.GetAsync("/nl/koffie");
        Assert.False(after.Headers.Contains("Age"));
        Assert.Contains("thee in de kantine", await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/nl/zoeken?q=koffie")]
    [InlineData("/nl/bestaat-niet")]
    public async Task Pages_with_a_query_and_errors_are_not_cached(string path)
    {
        var client = portal.Factory.CreateClient();
        await client.GetAsync(path);
        var again = await client.GetAsync(path);
        Assert.False(again.Headers.Contains("Age"), path);
    }

    [Fact]
    public async Task Each_encoding_is_cached_apart_and_pages_are_compressed()
    {
        var client = portal.Factory.CreateClient();
        using var brotli = new HttpRequestMessage(HttpMethod.Get, "/nl/pauze");
        brotli.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var compressed = await client.SendAsync(brotli);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));

        var plain = await client.GetAsync("/nl/pauze");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("koffie en thee", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_language_cookie_is_still_set_by_a_cached_page()
    {
        var client = portal.Factory.CreateClient();
        await client.GetAsync("/ar/interview");
        var cached = await client.GetAsync("/ar/interview");
        Assert.True(cached.Headers.Contains("Age"));
        Assert.Contains(cached.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jas-lang=ar", StringComparison.Ordinal));
    }
}

public sealed class SqliteOutputCacheTests(SqliteSearchPortal portal) : OutputCacheTests<SqliteSearchPortal>(portal);
public sealed class PostgresOutputCacheTests(PostgresSearchPortal portal) : OutputCacheTests<PostgresSearchPortal>(portal);
