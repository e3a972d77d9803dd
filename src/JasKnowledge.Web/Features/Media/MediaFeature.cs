using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.Translations;

namespace JasKnowledge.Web.Features.Media;

/// <summary>Explainer videos (type "video"): a page per video and language with the native player,
/// one subtitle track per language, the transcript under the player, and offline downloads. The
/// subtitles are the item's companion .vtt file, so they are versioned and translated like text; the
/// film and its poster are files in the downloads, shared by every language.</summary>
public static class MediaFeature
{
    public const string Type = "video";
    public const string SubtitlesField = "subtitles";
    public const string ShowsField = "shows";
    /// <summary>The film and its poster are files of the default language; the picture has no words.</summary>
    public const string FilesCulture = "nl";

    public static string VideoUrl(string culture, string slug) => $"/{culture}/video/{slug}";
    public static string SubtitlesUrl(string culture, string slug) => $"/{culture}/video/{slug}.vtt";
    public static string OfflineUrl(string culture, string slug) => $"/{culture}/video/{slug}/offline.zip";
    public static string FilmSlug(string videoSlug) => FilmMembers.Slug(videoSlug, FilmMembers.Large);

    /// <summary>The subtitles: <c>name.culture.vtt</c> next to the video's file, checked as WebVTT.</summary>
    public static readonly CompanionFile Subtitles = new(".vtt", SubtitlesField, text =>
    {
        try
        {
            WebVtt.Parse(text);
            return null;
        }
        catch (WebVttException e)
        {
            return (e.Line, e.Message);
        }
    });

    public static IServiceCollection AddMediaFeature(this IServiceCollection services) =>
        services.AddContentUrl(Type, item => VideoUrl(item.Culture, item.Slug))
            .AddCompanionFile(Subtitles)
            // The film's page offers its renditions and pictures: its hit stands for them in the search.
            .AddFilesOfItem(FilmMembers.IsMember)
            .AddTranslatedType(Type, 2)
            // The only words of a silent film, and the sentence for whoever cannot see it: translated with its text.
            .AddTranslatedField(new SubtitleCues())
            .AddTranslatedField(new OneLineField(Type, ShowsField, "Wat de film laat zien", 800))
            .AddTypeField(new TypeField(Type, "order", "Plaats in de lijst voor deelnemers",
                "Een heel getal: 1 komt eerst. Leeg: na de andere films.", TypeFieldKind.Number))
            .AddTypeField(new TypeField(Type, "sheet", "Informatieblad over hetzelfde onderwerp",
                "Het adres van het blad, zoals je-mentor: de film en het blad wijzen dan naar elkaar.", TypeFieldKind.Address,
                InfoSheets.InfoSheetsFeature.Type))
            .AddTypeField(new TypeField(Type, "sessions", "Sessies van het handboek",
                "Het adres van elke sessie waar deze film bij hoort, één per regel, zoals sessie-8-samenleven-en-buren.",
                TypeFieldKind.Addresses, Handbook.HandbookFeature.ChapterType))
            .AddFollowable(Type)
            .AddCommand<Films.RenderFilmCommand>()
            .AddContentFolderCheck<Films.SceneScriptCheck>()
            // The subtitles are indexed with the video, so a word spoken in it finds it.
            .AddSearchable(Type, "SearchTypeVideo", 30, version => string.Join("\n", VideoSubtitles.Cues(version).Select(WebVtt.PlainText)));

    public static IEndpointRouteBuilder MapMediaFeature(this IEndpointRouteBuilder endpoints)
    {
        // Files for people, not operations of the open-data API: not in its OpenAPI document.
        endpoints.MapGet("/{culture:culture}/video/{slug:slug}.vtt", SubtitlesEndpoint.GetAsync).ExcludeFromDescription();
        endpoints.MapGet("/{culture:culture}/video/{slug:slug}/offline.zip", OfflineDownload.GetAsync).ExcludeFromDescription();
        return endpoints;
    }
}
