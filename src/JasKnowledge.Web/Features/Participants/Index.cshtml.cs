using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Translations;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Offline;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Participants;

public sealed class ParticipantsIndexModel(
    ParticipantMaterials materials, PublishedAssets assets, PublishedContent content, CultureCatalog cultures, Glossary glossary,
    GemeenteInfo.GemeenteInfoPages gemeenteInfo)
    : PageModel
{
    /// <summary>The municipalities that wrote their own information for participants (none, until one does).</summary>
    public IReadOnlyList<GemeenteInfo.GemeentePage> Gemeenten { get; private set; } = [];
    public IReadOnlyList<ParticipantMaterial> Videos { get; private set; } = [];
    public IReadOnlyList<ParticipantMaterial> Sheets { get; private set; } = [];
    public IReadOnlyDictionary<string, FilmFamily> Films { get; private set; } = new Dictionary<string, FilmFamily>();

    /// <summary>"Bewaar voor offline": this page, every sheet in this language with its PDF, and the posters shown.</summary>
    public OfflineCopy? OfflineCopy { get; private set; }

    /// <summary>"Alle films" offline: each film's page with what it needs to play (<see cref="FilmOffline"/>), saved apart from
    /// the sheets because it costs megabytes where they cost kilobytes. Its key is the films' place on this page, so the
    /// offline page leads back to the list.</summary>
    public OfflineCopy? FilmsCopy { get; private set; }

    public CultureDefinition? LanguageOf(ParticipantMaterial material) =>
        material.Page.IsFallback ? cultures.Find(material.Page.Item.Culture) : null;

    public async Task OnGetAsync(string culture, CancellationToken cancellationToken)
    {
        var all = await materials.ListAsync(culture, null, cancellationToken);
        Videos = all.Where(m => m.Type == MediaFeature.Type).ToList();
        Sheets = all.Where(m => m.Type == InfoSheets.InfoSheetsFeature.Type).ToList();
        var films = new Dictionary<string, FilmFamily>();
        foreach (var video in Videos) films[video.Slug] = await FilmFamily.FindAsync(assets, video.Slug, cancellationToken);
        Films = films;
        Gemeenten = await gemeenteInfo.ListAsync(culture, cancellationToken);

        // The index offline: its thumbnails (the browser that keeps pages reads WebP), every sheet and its PDF.
        var files = films.Values.SelectMany(f => new[] { f.Thumbnail, f.PosterWebp }).OfType<(Asset File, AssetRevision Revision)>()
            .Select(t => (DownloadUrls.File(t.File, t.Revision), t.Revision.Size)).ToList();
        var versions = files.Select(f => f.Item1).ToList();
        foreach (var sheet in Sheets)
        {
            versions.Add(sheet.Page.Version.Id.ToString());
            if (await InfoSheets.SheetPdf.FindAsync(assets, content, sheet.Page.Item, sheet.Page.Version, cancellationToken) is { } pdf)
            {
                files.Add((DownloadUrls.File(pdf.File, pdf.Revision), pdf.Revision.Size));
                versions.Add(pdf.Revision.Id.ToString());
            }
        }
        // The sheets link to the word list: without it a participant offline met a missing page (peer review of 7 December
        // 2026). Its terms are part of the version, so a saved copy renews when they change.
        versions.AddRange(glossary.Terms.Select(t => t.In(culture) is { } entry ? $"{t.Key}:{entry.Form}:{entry.Explanation}" : t.Key));
        OfflineCopy = Offline.OfflineCopy.Of(
            ParticipantsFeature.IndexUrl(culture), [.. Sheets.Select(s => s.Url), Woordenlijst.WoordenlijstFeature.Url(culture)], files, versions);

        // With each film the card's small picture, so a phone that kept only the films still shows this list with its pictures.
        IReadOnlyList<(string Url, long Bytes)> FilesOf(ParticipantMaterial video)
        {
            var family = films[video.Slug];
            var film = FilmOffline.Files(family, MediaFeature.SubtitlesUrl(video.Page.Item.Culture, video.Slug), video.Page.Version);
            return film.Count == 0 || family.Thumbnail is not { } thumbnail
                ? film
                : [.. film, (DownloadUrls.File(thumbnail.File, thumbnail.Revision), thumbnail.Revision.Size)];
        }
        var playable = Videos.Select(video => (Video: video, Files: FilesOf(video))).Where(v => v.Files.Count > 0).ToList();
        if (playable.Count > 0)
            FilmsCopy = Offline.OfflineCopy.Of(
                ParticipantsFeature.FilmsUrl(culture), [.. playable.Select(v => v.Video.Url)], playable.SelectMany(v => v.Files),
                [.. playable.SelectMany(v => v.Files.Select(f => f.Url).Prepend(v.Video.Page.Version.Id.ToString()))]);
    }
}
