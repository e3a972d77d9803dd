using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>
/// Which responses the output cache keeps: GET and HEAD of Razor pages without a query string and
/// without credentials, answered with 200. Such a page depends only on its path (the culture is its
/// first segment) and on published content, so it is the same for every visitor until the next
/// publication. The language cookie such a response may set is also the same for every visitor of
/// that path (its value is the path's culture), so replaying it is right, unlike the default policy,
/// which refuses every response that sets a cookie. Pages that need a sign-in, and pages with a form
/// (their antiforgery token is per visitor), are marked and never cached.
/// </summary>
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var isPage = endpoint?.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor;
        var cacheable = isPage
            && endpoint!.Metadata.GetMetadata<NotCachedAttribute>() is null
            // A page behind sign-in differs per account: never cached, never served from the cache.
            && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.QueryString.HasValue
            && !http.Request.Headers.ContainsKey("Authorization");
        // A page that reads a header besides the path says so whether or not its answer is kept.
        var varies = endpoint?.Metadata.GetOrderedMetadata<VariesByHeaderAttribute>().Select(a => a.Header).ToArray() ?? [];
        foreach (var header in varies) http.Response.Headers.Append("Vary", header);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        // A signed-in editor gets the public page from the cache, but what their request renders is never stored: its
        // answer may renew their session cookie (sliding expiry), which the cache would then hand to every visitor.
        context.AllowCacheStorage = cacheable && !http.Request.Cookies.ContainsKey(Authentication.AuthenticationSetup.SessionCookie);
        // No coalescing: with locking, visitors asking for a page being rendered waited for that rendering,
        // and got a 500 when its visitor went away (ASP.NET Core 10 hands the first one's cancellation to all
        // of them; dotnet/aspnetcore#52310). A page renders in milliseconds: each renders its own on a miss.
        context.AllowLocking = false;
        if (cacheable)
        {
            context.Tags.Add(CachingSetup.ContentTag);
            context.ResponseExpirationTimeSpan = Lifetime;
            context.CacheVaryByRules.HeaderNames = new Microsoft.Extensions.Primitives.StringValues(["Accept-Encoding", .. varies]);
            if (context.AllowCacheStorage && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
                TagForRevalidation(http.Response);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Repeat visits on prepaid data: the browser asks again with If-None-Match and the cache answers 304 without the
    /// page (phone review of 6 December 2026). The tag names this rendering, set before the page renders so that the cache
    /// stores it with the page; a publication evicts the page and the next rendering has a new one. A page served from the
    /// cache carries its stored tag instead. An answer other than 200 is never stored, so it keeps no tag to ask about.</summary>
    private static void TagForRevalidation(HttpResponse response)
    {
        var tag = $"\"{Guid.NewGuid():N}\"";
        response.Headers.ETag = tag;
        response.Headers.CacheControl = "no-cache";
        response.OnStarting(() =>
        {
            if (response.StatusCode != StatusCodes.Status200OK && response.Headers.ETag == tag)
            {
                response.Headers.Remove("ETag");
                if (response.Headers.CacheControl == "no-cache") response.Headers.Remove("Cache-Control");
            }
            return Task.CompletedTask;
        });
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
        // Only the language cookie is the same for every visitor of a path; any other cookie is someone's own.
        if (response.Headers.SetCookie.Any(cookie => cookie is not null
                && !cookie.StartsWith(Localization.LocalizationSetup.PreferenceCookie + "=", StringComparison.Ordinal)))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
