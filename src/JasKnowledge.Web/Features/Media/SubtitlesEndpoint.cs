using System.Security.Cryptography;
using System.Text;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Data.Content;
using Microsoft.Net.Http.Headers;

namespace JasKnowledge.Web.Features.Media;

/// <summary>GET /{culture}/video/{slug}.vtt: the subtitles in exactly that language (a track never
/// falls back: the player lists only the languages that exist). <c>?download=1</c> saves the file.</summary>
public static class SubtitlesEndpoint
{
    public static async Task<IResult> GetAsync(
        string culture, string slug, string? download, HttpContext http, PublishedContent content, CancellationToken cancellationToken)
    {
        var page = await content.FindBySlugAsync(MediaFeature.Type, slug, culture, cancellationToken);
        if (page is null || page.IsFallback || VideoSubtitles.ForPlayers(page.Version) is not { } text)
            return Results.NotFound();
        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        http.Response.Headers.CacheControl = "public, no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            http.Response.Headers.ETag = etag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(
            bytes, WebVtt.MediaType + "; charset=utf-8", !string.IsNullOrEmpty(download) && download is not ("0" or "false")
            ? $"{slug}.{page.Item.Culture}.vtt" : null, entityTag: etag);
    }
}
