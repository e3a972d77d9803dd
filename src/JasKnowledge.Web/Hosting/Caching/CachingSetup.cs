using System.IO.Compression;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>Fast pages for anonymous visitors: public pages are kept in the output cache until
/// something is published (tag "content"), and text responses are compressed. Files are not
/// compressed here: downloads keep their exact bytes, byte ranges and SHA-256 ETags.</summary>
public static class CachingSetup
{
    public const string ContentTag = "content";

    public static IServiceCollection AddCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new PublicPagePolicy());
            options.SizeLimit = 256L * 1024 * 1024;
            // /NL is sent on to /nl (LocalizationSetup): a cached /nl must not answer for it first.
            options.UseCaseSensitivePaths = true;
        });
        services.AddPublicationListener<OutputCacheInvalidation>();
        services.AddResponseCompression(options =>
        {
            // Pages with antiforgery tokens (the back office) are kept out of compression by
            // AuthenticationSetup.UsePortalAuthentication (BREACH); public pages carry no secrets.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "application/json", "application/problem+json", "application/xml", "application/atom+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Before culture and rendering: a cached page needs neither. Compression sits inside
    /// the cache, so each encoding is compressed once and then served from memory.</summary>
    public static IApplicationBuilder UseCaching(this IApplicationBuilder app)
    {
        app.UseImmutableFonts();
        app.UseCacheKeyHeaders();
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }
}
