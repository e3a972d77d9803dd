using System.Net;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Content;
using JasKnowledge.Tests.Integration.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
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

    /// <summary>Every audit entry used to empty every node's cache: an editor's drafts and each sign-in made all visitors' pages
    /// render again. Only what changes a public page does now.</summary>
    [Fact]
    public async Task A_draft_and_a_sign_in_leave_the_cached_page_and_a_publication_still_replaces_it()
    {
        var client = portal.Factory.CreateClient();
        // Past the watcher's next look after whatever the test before changed, then a page in the cache.
        await Task.Delay(1500);
        await client.GetAsync("/nl/ondertekening");
        Assert.True((await client.GetAsync("/nl/ondertekening")).Headers.Contains("Age"));

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync("pages/ondertekening", "nl"))!;
            await store.SaveDraftAsync(item, new VersionText("Ondertekening", "Een concept dat niemand ziet."), "test");
            var db = scope.ServiceProvider.GetRequiredService<JasKnowledge.Data.JasDbContext>();
            db.AuditLog.Add(new JasKnowledge.Core.Audit.AuditEntry
                { AtUtc = DateTime.UtcNow, Actor = "redacteur@example.nl", Action = "account.signin", Subject = "redacteur@example.nl" });
            await db.SaveChangesAsync();
        }
        // Two of the watcher's intervals: the same cached page, older now.
        await Task.Delay(2500);
        var still = await client.GetAsync("/nl/ondertekening");
        Assert.True(still.Headers.Age >= TimeSpan.FromSeconds(2), $"the page should still come from the cache; Age {still.Headers.Age}");
        Assert.DoesNotContain("Een concept dat niemand ziet.", await still.Content.ReadAsStringAsync());

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync("pages/ondertekening", "nl"))!;
            await store.PublishAsync(item, item.Draft!.Number, "test");
        }
        var after = await client.GetAsync("/nl/ondertekening");
        Assert.Contains("Een concept dat niemand ziet.", await after.Content.ReadAsStringAsync());
    }

    /// <summary>Participants on prepaid data fetched the whole page on every repeat visit (phone review of 6 December 2026).</summary>
    [Fact]
    public async Task A_repeat_visit_gets_304_without_the_page_until_a_publication()
    {
        var client = portal.Factory.CreateClient();
        using var first = await client.GetAsync("/nl/pauze");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(first.Headers.CacheControl?.NoCache, "the browser must ask again before it shows a stored page");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/nl/pauze");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync("pages/pauze", "nl"))!;
            await store.PublishNewVersionAsync(item, new VersionText("Pauze", "In de pauze is er koffie en thee voor alle deelnemers, en ook soep."), "test");
        }
        using var afterPublication = new HttpRequestMessage(HttpMethod.Get, "/nl/pauze");
        afterPublication.Headers.IfNoneMatch.Add(tag);
        using var changed = await client.SendAsync(afterPublication);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("en ook soep", await changed.Content.ReadAsStringAsync());
        Assert.NotEqual(tag, changed.Headers.ETag);

        // What the cache does not keep carries no tag to ask about.
        using var missing = await client.GetAsync("/nl/bestaat-niet");
        Assert.Null(missing.Headers.ETag);
        using var search = await client.GetAsync("/nl/zoeken?q=thee");
        Assert.Null(search.Headers.ETag);
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
        var cached = await FromCacheAsync(() => client.GetAsync("/ar/interview"));
        Assert.Contains(cached.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jas-lang=ar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_language_cookie_reaches_every_visitor_even_when_the_first_already_had_it()
    {
        // The attack of 7 December: the page was stored as rendered for a first visitor who already had the cookie, without it,
        // and for an hour nobody else was given it.
        var client = portal.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        HttpResponseMessage? other = null;
        for (var tries = 0; tries < 10 && other?.Headers.Contains("Age") != true; tries++)
        {
            // Stored as rendered for a visitor who has the cookie; then asked by one who has none.
            await FromCacheAsync(async () =>
            {
                using var holder = new HttpRequestMessage(HttpMethod.Get, "/en/sessions");
                holder.Headers.TryAddWithoutValidation("Cookie", "jas-lang=en");
                return await client.SendAsync(holder);
            });
            other = await client.GetAsync("/en/sessions");
        }
        Assert.True(other!.Headers.Contains("Age"), "the page never came from the cache");
        Assert.Contains(other.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jas-lang=en", StringComparison.Ordinal));
    }

    /// <summary>Asks until the answer comes from the cache, as a later visitor finds it: the publication watcher empties the cache
    /// once more within its 2 s after a publication (the test before may have made one).</summary>
    private static async Task<HttpResponseMessage> FromCacheAsync(Func<Task<HttpResponseMessage>> ask)
    {
        var answer = await ask();
        for (var tries = 0; tries < 10 && !answer.Headers.Contains("Age"); tries++)
        {
            await Task.Delay(300);
            answer = await ask();
        }
        Assert.True(answer.Headers.Contains("Age"), "the page never came from the cache");
        return answer;
    }

    [Fact]
    public async Task Odd_header_values_share_the_cache_entry_of_what_they_mean()
    {
        // The attack of 7 December: every raw Accept-Encoding or Save-Data value was a cache entry of its own.
        var client = portal.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        async Task<HttpResponseMessage> AskAsync(string header, string value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/en/sessions");
            request.Headers.TryAddWithoutValidation(header, value);
            return await client.SendAsync(request);
        }
        var gzip = await AskAsync("Accept-Encoding", "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        foreach (var same in new[] { "gzip, deflate", "GZIP;q=0.9, x-enc-1", "deflate, gzip;q=1" })
        {
            var answer = await AskAsync("Accept-Encoding", same);
            Assert.Equal(gzip.Headers.ETag, answer.Headers.ETag);
            Assert.Equal("gzip", Assert.Single(answer.Content.Headers.ContentEncoding));
        }
        // What the portal cannot encode in is answered plain, from one entry.
        var plain = await AskAsync("Accept-Encoding", "x-enc-1");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, (await AskAsync("Accept-Encoding", "x-enc-2, identity")).Headers.ETag);
        Assert.NotEqual(gzip.Headers.ETag, plain.Headers.ETag);
        // A Save-Data that does not say "on" is no Save-Data.
        Assert.Equal(plain.Headers.ETag, (await AskAsync("Save-Data", "x1")).Headers.ETag);
        // A page never sent cannot have been modified since a date to come: the page, not 304.
        var future = await AskAsync("If-Modified-Since", DateTimeOffset.UtcNow.AddYears(1).ToString("R"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
    }

    /// <summary>Found by the attack of 5 December 2026: the cache let a second visitor of a page wait for the
    /// first one's rendering, and when the first went away (a closed tab, a lost connection), the second got a
    /// 500 with the first one's cancellation. Each visitor's page must depend on that visitor alone.</summary>
    [Fact]
    public async Task A_visitor_who_goes_away_while_a_page_renders_does_not_fail_another_asking_for_it()
    {
        var hold = new HoldWhileRendering();
        await using var host = portal.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(hold))));
        var client = host.CreateClient();
        var encoding = $"identity, x-{Guid.NewGuid():N}"; // a cache entry of this test's own
        Task<HttpResponseMessage> Ask(bool held, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/nl/pauze");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            if (held) request.Headers.Add(HoldWhileRendering.Header, "1");
            return client.SendAsync(request, cancellationToken);
        }

        using var leaving = new CancellationTokenSource();
        var first = Ask(held: true, leaving.Token);
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Ask(held: false, CancellationToken.None);
        await Task.Delay(300); // long enough for the second to be waiting, if it is made to wait for the first
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var answer = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("koffie en thee", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Holds a page marked by <see cref="Header"/> until its visitor goes away, as a slow database
    /// query does, and then throws that visitor's cancellation.</summary>
    private sealed class HoldWhileRendering : IAsyncPageFilter
    {
        public const string Header = "X-Test-Hold";
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(Header))
            {
                Entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.HttpContext.RequestAborted);
            }
            await next();
        }
    }
}

public sealed class SqliteOutputCacheTests(SqliteSearchPortal portal) : OutputCacheTests<SqliteSearchPortal>(portal);
public sealed class PostgresOutputCacheTests(PostgresSearchPortal portal) : OutputCacheTests<PostgresSearchPortal>(portal);
