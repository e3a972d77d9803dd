using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Features.Downloads;

namespace JasKnowledge.Web.Features.Media;

/// <summary>GET /{culture}/video/{slug}/offline.zip: the film with its subtitles in that language (and
/// in Dutch), to watch without a connection; players such as VLC pick up a .vtt next to the film. The
/// film is the small rendition (360p): this download is for phones on prepaid data.</summary>
public static class OfflineDownload
{
    public static async Task<IResult> GetAsync(
        string culture, string slug, HttpContext http, PublishedContent content, PublishedAssets assets, IBlobStore blobs,
        CancellationToken cancellationToken)
    {
        var page = await content.FindBySlugAsync(MediaFeature.Type, slug, culture, cancellationToken);
        var film = (await FilmFamily.FindAsync(assets, slug, cancellationToken)).Smallest;
        if (page is null || film is not { Revision: var revision }) return Results.NotFound();

        var parts = new List<ZipPart> { ZipPart.File($"{slug}.mp4", blobs, revision) };
        foreach (var code in new[] { page.Item.Culture, MediaFeature.FilesCulture }.Distinct())
        {
            var translation = code == page.Item.Culture ? page : await content.FindBySlugAsync(MediaFeature.Type, slug, code, cancellationToken);
            if (translation is { IsFallback: false } && VideoSubtitles.ForPlayers(translation.Version) is { } vtt)
                parts.Add(ZipPart.Text($"{slug}.{code}.vtt", vtt));
        }
        // With its length: a phone's download manager then shows the total and the progress (phone review of 6 December 2026).
        await ZipDownload.WriteAsync(http, $"{slug}-{page.Item.Culture}.zip", parts, cancellationToken, withLength: true);
        return Results.Empty;
    }
}
