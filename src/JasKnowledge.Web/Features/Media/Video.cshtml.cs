using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Media.Films;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Http;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Offline;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Media;

/// <remarks>The player's sources differ with Save-Data, so caches keep both answers apart.</remarks>
[Hosting.Caching.VariesByHeader(SaveDataRequest.Header)]
public sealed class VideoModel(
    PublishedContent content, PublishedAssets assets, ContentUrls urls, CultureCatalog cultures, Participants.ParticipantMaterials materials)
    : PublishedPageModel(content, urls, cultures)
{
    /// <summary>The information sheet on the film's topic.</summary>
    public Participants.RelatedMaterial Related { get; private set; } = new([], null, null);
    /// <summary>One subtitle track per language the video exists in; the visitor's language (or the
    /// language shown instead) is the default track.</summary>
    public IReadOnlyList<(CultureDefinition Language, string Url, bool IsDefault)> Tracks { get; private set; } = [];
    public IReadOnlyList<WebVttCue> Transcript { get; private set; } = [];
    public FilmFamily Films { get; private set; } = new(null, null, null, null, null);
    /// <summary>The browser asked to save data (<c>Save-Data: on</c>): only the small rendition is offered to the player.</summary>
    public bool SaveData { get; private set; }
    /// <summary>"Bewaar voor offline": this page, the small film, its poster and the subtitles shown by default.</summary>
    public OfflineCopy? OfflineCopy { get; private set; }
    /// <summary>About the size of the offline ZIP: the small film and the subtitles.</summary>
    public long OfflineZipSize { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(await Published.FindBySlugAsync(MediaFeature.Type, slug, culture, cancellationToken), cancellationToken))
            return NotFound();
        Transcript = VideoSubtitles.Cues(Shown!.Version);
        Tracks = Translations
            .Select(i => Languages.Find(i.Culture))
            .OfType<CultureDefinition>()
            .Select(c => (c, MediaFeature.SubtitlesUrl(c.Code, slug), c.Code == Shown.Item.Culture))
            .ToList();
        Films = await FilmFamily.FindAsync(assets, slug, cancellationToken);
        Related = await materials.RelatedAsync(MediaFeature.Type, slug, culture, cancellationToken);
        SaveData = SaveDataRequest.IsOn(Request);
        if (Films.Smallest is { } film)
        {
            // The ZIP holds the small film and the subtitles (a Dutch file beside a translation's adds a few kB): the
            // offer meant for prepaid data says what it costs, as the MP4 links do.
            OfflineZipSize = film.Revision.Size + FilmOffline.SubtitleBytes(Shown.Version);
            var files = FilmOffline.Files(Films, MediaFeature.SubtitlesUrl(Shown.Item.Culture, slug), Shown.Version);
            OfflineCopy = Offline.OfflineCopy.Of(
                MediaFeature.VideoUrl(culture, slug), [], files, [Shown.Version.Id.ToString(), .. files.Select(f => f.Url)]);
        }
        return Page();
    }
}
