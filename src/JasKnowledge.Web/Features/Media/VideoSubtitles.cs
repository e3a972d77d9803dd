using JasKnowledge.Core.Content;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;

namespace JasKnowledge.Web.Features.Media;

/// <summary>The WebVTT text stored with a video version, and the sentence describing its pictures.</summary>
public static class VideoSubtitles
{
    public static string? Of(ContentVersion version) => VersionFields.Text(version.Fields, MediaFeature.SubtitlesField);

    /// <summary>The subtitles as a file for a player (the track, the offline download, the session pack): right-to-left
    /// cue lines marked as such (<see cref="WebVtt.ForPlayers"/>).</summary>
    public static string? ForPlayers(ContentVersion version) => Of(version) is { } text ? WebVtt.ForPlayers(text) : null;

    /// <summary>The one sentence, in the version's language, saying what the film shows, for whoever
    /// cannot see it (field <c>shows</c> of each translation; the picture has no words to translate).</summary>
    public static string? Shows(ContentVersion version) => VersionFields.Text(version.Fields, MediaFeature.ShowsField);

    /// <summary>The cues for the transcript; none when the stored text is not valid WebVTT (the
    /// import refuses such files, so this only guards against edits made elsewhere).</summary>
    public static IReadOnlyList<WebVttCue> Cues(ContentVersion version)
    {
        if (Of(version) is not { } text) return [];
        try
        {
            return WebVtt.Parse(text);
        }
        catch (WebVttException)
        {
            return [];
        }
    }
}
