using System.Text.Json;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Media;

namespace JasKnowledge.Web.Features.Media;

/// <summary>The WebVTT text stored with a video version.</summary>
public static class VideoSubtitles
{
    public static string? Of(ContentVersion version)
    {
        if (string.IsNullOrEmpty(version.Fields)) return null;
        using var document = JsonDocument.Parse(version.Fields);
        return document.RootElement.TryGetProperty(MediaFeature.SubtitlesField, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
    }

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
