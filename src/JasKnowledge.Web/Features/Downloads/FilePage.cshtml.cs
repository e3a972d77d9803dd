using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>One downloadable file: all its versions, or one version with a plain notice when a newer
/// one exists. An unknown version answers 404 and lists the versions that do exist.</summary>
public sealed class FilePageModel(PublishedAssets assets) : PageModel
{
    public Asset Download { get; private set; } = null!;
    public AssetRevision? Selected { get; private set; }
    public string? UnknownVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string fileCulture, string slug, string? version, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(fileCulture, slug, cancellationToken);
        if (asset?.Latest is null) return NotFound();
        Download = asset;
        if (version is null) return Page();

        Selected = Asset.IsValidVersionLabel(version) ? asset.Find(version) : null;
        if (Selected is null)
        {
            UnknownVersion = version.Length > 40 ? version[..40] + "…" : version;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
