using System.Text;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>GET and HEAD /files/{culture}/{slug}/{version|latest}: the bytes of a downloadable file.</summary>
public static class FileEndpoint
{
    public const string Route = "/files/{culture:culture}/{slug:slug}/{version}";

    public static async Task HandleAsync(
        HttpContext http, string culture, string slug, string version, PublishedAssets assets, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var isLatest = string.Equals(version, DownloadUrls.LatestLabel, StringComparison.Ordinal);
        // Labels are plain names; anything else (dots leading out, encoded slashes) names no file.
        if (!isLatest && !Asset.IsValidVersionLabel(version))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var asset = await assets.FindAsync(culture, slug, cancellationToken);
        if (asset?.Latest is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var revision = isLatest ? asset.Latest : asset.Find(version);
        if (revision is null)
        {
            await WriteUnknownVersionAsync(http, asset, version, cancellationToken);
            return;
        }
        await FileResponse.SendAsync(http, blobs, asset, revision, immutable: !isLatest, cancellationToken);
    }

    /// <summary>A plain-text 404 that lists what does exist, in Dutch and English, so a person who
    /// followed an old or mistyped link, and a script, both know where to go.</summary>
    private static async Task WriteUnknownVersionAsync(HttpContext http, Asset asset, string version, CancellationToken cancellationToken)
    {
        var origin = PublicOrigin.Of(http);
        var text = new StringBuilder()
            .AppendLine($"Versie {version} van '{asset.Title}' bestaat niet. Deze versies bestaan:")
            .AppendLine($"Version {version} of '{asset.Title}' does not exist. These versions exist:")
            .AppendLine();
        foreach (var revision in asset.NewestFirst())
            text.AppendLine($"{revision.VersionLabel}\t{revision.PublishedUtc:yyyy-MM-dd}\t{origin}{DownloadUrls.File(asset, revision)}");
        text.AppendLine().AppendLine($"latest\t{origin}{DownloadUrls.Latest(asset)}");
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text.ToString(), cancellationToken);
    }
}
