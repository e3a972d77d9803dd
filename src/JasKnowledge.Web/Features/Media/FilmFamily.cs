using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Media;

/// <summary>One file family of a film, named like the poster always was: the video's slug plus a suffix.</summary>
public sealed record FilmMember(string SlugSuffix, string File, string MediaType, string TitleSuffix)
{
    public string Extension => Path.GetExtension(File);
}

/// <summary>
/// The files of one film. Each is a file family of its own (a slug with revisions, shared by every
/// language because the picture has no words), found from the video's slug as the poster always was:
/// <c>slug-video</c> (720p), <c>slug-video-360p</c> (the small rendition for narrow screens and
/// Save-Data), <c>slug-poster</c> (JPEG, the fallback), <c>slug-poster-webp</c> and
/// <c>slug-thumbnail-webp</c> (320×180, for the participants' index). A municipality that replaces a film
/// with a recording uploads new revisions of the same families; nothing else changes.
/// </summary>
public static class FilmMembers
{
    public static readonly FilmMember Large = new("-video", "720p.mp4", "video/mp4", "(MP4, 720p)");
    public static readonly FilmMember Small = new("-video-360p", "360p.mp4", "video/mp4", "(MP4, 360p, weinig data)");
    public static readonly FilmMember Poster = new("-poster", "poster.jpg", "image/jpeg", "(afbeelding)");
    public static readonly FilmMember PosterWebp = new("-poster-webp", "poster.webp", "image/webp", "(afbeelding, WebP)");
    public static readonly FilmMember Thumbnail = new("-thumbnail-webp", "thumbnail.webp", "image/webp", "(kleine afbeelding, WebP)");
    public static readonly IReadOnlyList<FilmMember> All = [Large, Small, Poster, PosterWebp, Thumbnail];

    public static string Slug(string videoSlug, FilmMember member) => videoSlug + member.SlugSuffix;

    /// <summary>A family named like a film's file and holding that kind of file (a printed poster, a PDF named
    /// "campagne-poster", is not a film's picture).</summary>
    public static bool IsMember(Asset asset) =>
        asset.Culture == MediaFeature.FilesCulture && asset.Latest is { } latest
        && All.Any(member => asset.Slug.EndsWith(member.SlugSuffix, StringComparison.Ordinal) && latest.MediaType == member.MediaType);
}

/// <summary>The latest revision of each of a film's families (<see cref="FilmMembers"/>), null where a family is missing.</summary>
public sealed record FilmFamily(
    (Asset File, AssetRevision Revision)? Large, (Asset File, AssetRevision Revision)? Small,
    (Asset File, AssetRevision Revision)? Poster, (Asset File, AssetRevision Revision)? PosterWebp,
    (Asset File, AssetRevision Revision)? Thumbnail)
{
    /// <summary>The rendition narrow screens, Save-Data and the offline copy get: the small one when there is one.</summary>
    public (Asset File, AssetRevision Revision)? Smallest => Small ?? Large;

    public static async Task<FilmFamily> FindAsync(PublishedAssets assets, string videoSlug, CancellationToken cancellationToken)
    {
        var found = new List<(Asset, AssetRevision)?>();
        foreach (var member in FilmMembers.All)
        {
            var asset = await assets.FindAsync(MediaFeature.FilesCulture, FilmMembers.Slug(videoSlug, member), cancellationToken);
            found.Add(asset?.Latest is { } latest ? (asset, latest) : null);
        }
        return new FilmFamily(found[0], found[1], found[2], found[3], found[4]);
    }
}
