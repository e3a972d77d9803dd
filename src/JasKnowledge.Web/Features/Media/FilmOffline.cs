using JasKnowledge.Core.Content;
using JasKnowledge.Web.Features.Downloads;

namespace JasKnowledge.Web.Features.Media;

/// <summary>What one film needs to play without internet: the small rendition, the poster the player shows before it
/// starts, and the subtitles in the language the page shows (the films are silent, so without them nothing is told).
/// A film's own "Bewaar voor offline" and the participants' "Alle films" keep exactly this.</summary>
public static class FilmOffline
{
    public static IReadOnlyList<(string Url, long Bytes)> Files(FilmFamily films, string subtitlesUrl, ContentVersion version)
    {
        if (films.Smallest is not { } film) return [];
        var files = new List<(string, long)> { (DownloadUrls.File(film.File, film.Revision), film.Revision.Size) };
        if ((films.PosterWebp ?? films.Poster) is { } poster) files.Add((DownloadUrls.File(poster.File, poster.Revision), poster.Revision.Size));
        files.Add((subtitlesUrl, SubtitleBytes(version)));
        return files;
    }

    /// <summary>The size of the subtitles as players get them: the version's own text, so its id already stands for them
    /// in a copy's version.</summary>
    public static long SubtitleBytes(ContentVersion version) =>
        System.Text.Encoding.UTF8.GetByteCount(VideoSubtitles.ForPlayers(version) ?? "");
}
