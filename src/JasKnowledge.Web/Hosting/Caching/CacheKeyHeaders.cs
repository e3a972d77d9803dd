using JasKnowledge.Web.Hosting.Http;
using Microsoft.Net.Http.Headers;

namespace JasKnowledge.Web.Hosting.Caching;

/// <summary>
/// The request headers the output cache keeps answers apart by, reduced to what they mean before the cache reads them: the
/// encoding the portal will answer in (<c>br</c>, <c>gzip</c>, or none) instead of the browser's whole list, and <c>Save-Data</c>
/// as <c>on</c> or absent. Each raw value had been a cache entry of its own, so anyone could fill the cache with copies of one
/// page and push the real pages out (attack of 7 December). Also an <c>If-Modified-Since</c> in the future is dropped (RFC 9110
/// §13.1.3 asks that a date the server cannot have sent be ignored): the cache answered it with 304 for a page never sent.
/// </summary>
public static class CacheKeyHeaders
{
    /// <summary>The portal's encodings in its order of preference (CachingSetup registers Brotli before gzip).</summary>
    private static readonly string[] Encodings = ["br", "gzip"];

    public static IApplicationBuilder UseCacheKeyHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey(HeaderNames.AcceptEncoding))
        {
            if (Negotiated(headers.AcceptEncoding) is { } encoding) headers.AcceptEncoding = encoding;
            else headers.Remove(HeaderNames.AcceptEncoding);
        }
        if (headers.ContainsKey(SaveDataRequest.Header))
        {
            if (SaveDataRequest.IsOn(context.Request)) headers[SaveDataRequest.Header] = "on";
            else headers.Remove(SaveDataRequest.Header);
        }
        if (headers.ContainsKey(HeaderNames.IfModifiedSince)
            && (!HeaderUtilities.TryParseDate(headers.IfModifiedSince.ToString(), out var since) || since > DateTimeOffset.UtcNow))
            headers.Remove(HeaderNames.IfModifiedSince);
        return next(context);
    });

    /// <summary>The encoding with the highest weight the client gives it (by name or by <c>*</c>), the portal's order breaking ties;
    /// null when it accepts neither, or the list cannot be read (then the answer is not compressed, which every client takes).</summary>
    public static string? Negotiated(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered)) return null;
        var any = offered.FirstOrDefault(o => o.Value.Equals("*", StringComparison.Ordinal));
        string? best = null;
        var bestWeight = 0.0;
        foreach (var encoding in Encodings)
        {
            var named = offered.FirstOrDefault(o => o.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase));
            var weight = (named ?? any) is { } chosen ? chosen.Quality ?? 1.0 : 0.0;
            if (weight > bestWeight) (best, bestWeight) = (encoding, weight);
        }
        return best;
    }
}
