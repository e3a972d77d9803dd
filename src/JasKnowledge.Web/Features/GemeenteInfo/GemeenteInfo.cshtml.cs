using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Web.Features.Offline;
using JasKnowledge.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;

namespace JasKnowledge.Web.Features.GemeenteInfo;

/// <summary>/{culture}/gemeente/{slug}: one municipality's information, in the visitor's language or the nearest one it has,
/// saying under its title which municipality wrote it.</summary>
public sealed class GemeenteInfoModel(PublishedContent content, ContentUrls urls, CultureCatalog cultures, GemeentenRegister register)
    : PublishedPageModel(content, urls, cultures)
{
    public const string SourcePartial = "/Features/GemeenteInfo/_Source.cshtml";

    /// <summary>The municipality's name as the CBS list gives it; the address itself while no list is published.</summary>
    public string Gemeente { get; private set; } = "";

    public override string? UnderLead => SourcePartial;
    /// <summary>"Bewaar voor offline": the address of the Werkplein read on the way to an appointment, without mobile data.</summary>
    public OfflineCopy? OfflineCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string culture, string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(await Published.FindBySlugAsync(GemeenteInfoFeature.Type, slug, culture, cancellationToken), cancellationToken))
            return NotFound();
        Gemeente = (await register.GetAsync(cancellationToken)).BySlug(slug)?.Name ?? slug;
        OfflineCopy = Offline.OfflineCopy.Of(GemeenteInfoFeature.PageUrl(culture, slug), [], [], [Shown!.Version.Id.ToString()]);
        return Page();
    }
}
