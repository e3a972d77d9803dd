using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Media;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.Media;

public sealed class VideoModel(PublishedContent content, PublishedAssets assets, ContentUrls urls, CultureCatalog cultures)
    : PublishedPageModel(content, urls, cultures)
{
    /// <summary>One subtitle track per language the video exists in; the visitor's language (or the
    /// language shown instead) is the default track.</summary>
    public IReadOnlyList<(CultureDefinition Language, string Url, bool IsDefault)> Tracks { get; private set; } = [];
    public IReadOnlyList<WebVttCue> Transcript { get; private set; } = [];
    public FilmFamily Films { get; private set; } = new(null, null, null, null, null);
    /// <summary>The browser asked to save data (<c>Save-Data: on</c>): only the small rendition is offered to the player.</summary>
    public bool SaveData { get; private set; }

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
        SaveData = SaveDataRequest.IsOn(Request);
        // The player's sources differ with the header, so caches must keep both answers apart.
        Response.Headers.Append("Vary", SaveDataRequest.Header);
        return Page();
    }
}
