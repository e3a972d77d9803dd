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
    public IReadOnlyDictionary<string, FilmFamily> Films { get; private set; } = new Dictionary<string, FilmFamily>();

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
    }
}
