using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using JasKnowledge.Web.Features.Media;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Participants;

public sealed class ParticipantsIndexModel(ParticipantMaterials materials, PublishedAssets assets, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<ParticipantMaterial> Videos { get; private set; } = [];
    public IReadOnlyList<ParticipantMaterial> Sheets { get; private set; } = [];
    public IReadOnlyDictionary<string, (Asset File, AssetRevision Revision)> Posters { get; private set; } = new Dictionary<string,
        (Asset, AssetRevision)>();

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
    }
}
