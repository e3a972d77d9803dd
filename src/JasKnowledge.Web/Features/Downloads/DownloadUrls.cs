using JasKnowledge.Core.Assets;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>The addresses of files and of the pages about them. A revision's file URL never changes
/// and never serves other bytes; the "latest" URL always serves the newest revision.</summary>
public static class DownloadUrls
{
    public const string LatestLabel = "latest";

    public static string File(Asset asset, AssetRevision revision) =>
        $"/files/{asset.Culture}/{asset.Slug}/{Uri.EscapeDataString(revision.VersionLabel)}";

    public static string Latest(Asset asset) => $"/files/{asset.Culture}/{asset.Slug}/{LatestLabel}";

    public static string List(string ui) => $"/{ui}/downloads";

    public static string History(string ui, Asset asset) => $"/{ui}/downloads/{asset.Culture}/{asset.Slug}";

    public static string Revision(string ui, Asset asset, AssetRevision revision) =>
        $"{History(ui, asset)}/{Uri.EscapeDataString(revision.VersionLabel)}";
}
