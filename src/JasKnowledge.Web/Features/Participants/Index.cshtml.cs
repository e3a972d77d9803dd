using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Offline;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Participants;

public sealed class ParticipantsIndexModel(ParticipantMaterials materials, PublishedAssets assets, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<ParticipantMaterial> Videos { get; private set; } = [];
    public IReadOnlyList<ParticipantMaterial> Sheets { get; private set; } = [];
    public IReadOnlyDictionary<string, (Asset File, AssetRevision Revision)> Posters { get; private set; } = new Dictionary<string,
        (Asset, AssetRevision)>();

    /// <summary>"Bewaar voor offline": this page, every sheet in this language with its PDF, and the posters shown.</summary>
    public OfflineCopy? OfflineCopy { get; private set; }

    public CultureDefinition? LanguageOf(ParticipantMaterial material) =>
        material.Page.IsFallback ? cultures.Find(material.Page.Item.Culture) : null;

    public async Task OnGetAsync(string culture, CancellationToken cancellationToken)
    {
        var all = await materials.ListAsync(culture, null, cancellationToken);
        Videos = all.Where(m => m.Type == MediaFeature.Type).ToList();
        Sheets = all.Where(m => m.Type == InfoSheets.InfoSheetsFeature.Type).ToList();
        var posters = new Dictionary<string, (Asset, AssetRevision)>();
        foreach (var video in Videos)
        {
            if (await assets.FindAsync(
                MediaFeature.FilesCulture, MediaFeature.PosterSlug(video.Slug), cancellationToken) is { Latest: { } latest } poster)
                posters[video.Slug] = (poster, latest);
        }
        Posters = posters;

        var files = posters.Values.Select(p => (DownloadUrls.File(p.Item1, p.Item2), p.Item2.Size)).ToList();
        var versions = new List<string>();
        foreach (var sheet in Sheets)
        {
            versions.Add(sheet.Page.Version.Id.ToString());
            if (await InfoSheets.SheetPdf.FindAsync(assets, sheet.Page.Item, sheet.Page.Version, cancellationToken) is { } pdf)
            {
                files.Add((DownloadUrls.File(pdf.File, pdf.Revision), pdf.Revision.Size));
                versions.Add(pdf.Revision.Id.ToString());
            }
        }
        versions.AddRange(posters.Values.Select(p => p.Item2.Id.ToString()));
        OfflineCopy = Offline.OfflineCopy.Of(ParticipantsFeature.IndexUrl(culture), Sheets.Select(s => s.Url), files, versions);
    }
}
