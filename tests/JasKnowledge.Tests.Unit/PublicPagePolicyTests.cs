using JasKnowledge.Web.Hosting.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JasKnowledge.Tests.Unit;

/// <summary>What the output cache may keep of a public page: never an answer that sets someone's own cookie, and nothing
/// a signed-in request rendered (its answer may renew the session cookie; found by the attack of 6 December 2026, night,
/// where it held only by the order in which the cookie was added).</summary>
public sealed class PublicPagePolicyTests
{
    private static OutputCacheContext Page(string? cookie = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/nl/informatie";
        if (cookie is not null) http.Request.Headers.Cookie = cookie;
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new PageActionDescriptor()), "page"));
        return new OutputCacheContext { HttpContext = http };
    }

    private static async Task<OutputCacheContext> AnsweredAsync(OutputCacheContext context, params string[] setCookies)
    {
        var policy = new PublicPagePolicy();
        await policy.CacheRequestAsync(context, default);
        context.HttpContext.Response.StatusCode = 200;
        foreach (var cookie in setCookies) context.HttpContext.Response.Headers.Append("Set-Cookie", cookie);
        await policy.ServeResponseAsync(context, default);
        return context;
    }

    [Fact]
    public async Task An_anonymous_visitors_page_is_kept_with_the_language_cookie_that_is_the_same_for_everyone()
    {
        var context = await AnsweredAsync(Page(), "jas-lang=ar; path=/; samesite=lax");
        Assert.True(context.AllowCacheLookup);
        Assert.True(context.AllowCacheStorage);
    }

    [Fact]
    public async Task A_signed_in_request_is_served_from_the_cache_but_what_it_renders_is_never_kept()
    {
        var context = await AnsweredAsync(Page("jas-beheer=CfDJ8abc; jas-lang=nl"));
        Assert.True(context.AllowCacheLookup);
        Assert.False(context.AllowCacheStorage);
    }

    [Theory]
    [InlineData("jas-beheer=CfDJ8renewed; path=/; secure; httponly")]
    [InlineData("other=1; path=/")]
    public async Task An_answer_that_sets_any_other_cookie_is_never_kept(string setCookie)
    {
        var context = await AnsweredAsync(Page(), "jas-lang=nl; path=/", setCookie);
        Assert.False(context.AllowCacheStorage);
    }
}
