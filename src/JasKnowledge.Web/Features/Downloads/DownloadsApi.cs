using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>GET /api/v1/downloads: every downloadable file with its latest and all versions.</summary>
public static class DownloadsApi
{
    public static async Task<IReadOnlyList<DownloadDto>> ListAsync(PublishedAssets assets, CancellationToken cancellationToken) =>
        (await assets.ListAsync(cancellationToken))
            .Where(a => a.Latest is not null)
            .Select(ToDto)
            .ToList();

    public static DownloadDto ToDto(Asset asset) => new(
        asset.Slug, asset.Title, asset.Culture,
        ToFile(asset, asset.Latest!),
        asset.NewestFirst().Select(r => ToVersion(asset, r)).ToList());

    private static FileDto ToFile(Asset asset, AssetRevision r) =>
        new(r.VersionLabel, DownloadUrls.File(asset, r), r.Sha256, r.Size, r.MediaType, r.PublishedUtc);

    private static VersionDto ToVersion(Asset asset, AssetRevision r) =>
        new(r.VersionLabel, DownloadUrls.File(asset, r), r.Sha256, r.Size, r.MediaType, r.PublishedUtc, r.ReleaseNotes);

    public sealed record DownloadDto(string Slug, string Title, string Culture, FileDto Latest, IReadOnlyList<VersionDto> Versions);
    public sealed record FileDto(string Version, string Url, string Sha256, long Size, string MediaType, DateTime PublishedUtc);
    public sealed record VersionDto(
        string Version, string Url, string Sha256, long Size, string MediaType, DateTime PublishedUtc, string? ReleaseNotes);
}
