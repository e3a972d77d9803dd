using System.Globalization;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Core.Telemetry;
using JasKnowledge.Web.Hosting.Http;
using Microsoft.Net.Http.Headers;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>Sends one revision's bytes from the blob store: conditional requests, one byte range,
/// HEAD, and a copy loop with a fixed buffer, so memory does not grow with the file.</summary>
public static class FileResponse
{
    /// <summary>Raster pictures, which hold no script: SVG is not among them.</summary>
    private static readonly HashSet<string> InlinePictures = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp", "image/gif" };

    private const int CopyBufferSize = 64 * 1024;
    public const string ImmutableCaching = "public, max-age=31536000, immutable";
    // "latest" may change with the next edition: caches keep it but ask again (cheap with the ETag).
    public const string RevalidateCaching = "public, no-cache";

    public static async Task SendAsync(
        HttpContext http, IBlobStore blobs, Asset asset, AssetRevision revision, bool immutable, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var response = http.Response;
        var etag = new EntityTagHeaderValue($"\"{revision.Sha256}\"");
        var lastModified = new DateTimeOffset(revision.PublishedUtc.Ticks - revision.PublishedUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = immutable ? ImmutableCaching : RevalidateCaching;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!immutable) response.Headers.ContentLocation = DownloadUrls.File(asset, revision);
        // A picture (a film's poster) opens in the browser, as a download it ended up among a phone's files (the review of
        // 6 December 2026); every other file is saved, never shown as a page: an uploaded HTML or SVG file must not run here.
        var disposition = new ContentDispositionHeaderValue(InlinePictures.Contains(revision.MediaType) ? "inline" : "attachment");
        disposition.SetHttpFileName(revision.FileName);
        response.Headers.ContentDisposition = disposition.ToString();

        if (PreconditionFails(request, etag, lastModified))
        {
            WithoutTheFile(response, StatusCodes.Status412PreconditionFailed);
            return;
        }
        if (IsNotModified(request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var decision = RangeApplies(request, etag, lastModified)
            ? ByteRangeRequest.Evaluate(request.Headers.Range, revision.Size)
            : new RangeDecision.Whole();
        if (decision is RangeDecision.Unsatisfiable)
        {
            WithoutTheFile(response, StatusCodes.Status416RangeNotSatisfiable);
            response.Headers.ContentRange = $"bytes */{revision.Size}";
            response.ContentLength = 0;
            return;
        }

        var part = decision as RangeDecision.Part;
        response.ContentType = revision.MediaType;
        response.ContentLength = part?.Count ?? revision.Size;
        if (part is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {part.From}-{part.To}/{revision.Size}";
        }
        if (HeadRequests.IsHead(http)) return;

        await using var content = await blobs.GetAsync(revision.BlobKey, part?.ToByteRange(), cancellationToken)
            ?? throw new InvalidOperationException(
                $"The file of {asset.Slug} ({asset.Culture}) {revision.VersionLabel} is missing from the blob store (key {revision.BlobKey}).");
        await content.Stream.CopyToAsync(response.Body, CopyBufferSize, cancellationToken);
        http.RequestServices.GetRequiredService<PortalMetrics>().FileServed(content.Count, range: part is not null);
    }

    /// <summary>An answer that carries no bytes of the file (412, 416) is not saved under the file's name (the
    /// error page as a .pdf) and not kept by a cache for the year the file itself may be.</summary>
    private static void WithoutTheFile(HttpResponse response, int status)
    {
        response.StatusCode = status;
        response.Headers.Remove(HeaderNames.ContentDisposition);
        response.Headers.Remove(HeaderNames.ContentLocation);
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>If-Match (strong comparison) wins over If-Unmodified-Since (RFC 9110 §13.1.1, §13.1.4): a
    /// client that holds other bytes than these is told so instead of being sent them.</summary>
    private static bool PreconditionFails(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            return !EntityTagHeaderValue.TryParseList(ifMatch, out var tags)
                || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Compare(etag, useStrongComparison: true)));
        }
        return DateTimeOffset.TryParse(request.Headers.IfUnmodifiedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified > since;
    }

    /// <summary>If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).</summary>
    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified <= since;
    }

    /// <summary>If-Range: resume only when the client holds these very bytes; otherwise send all.</summary>
    private static bool RangeApplies(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifRange = request.Headers.IfRange.ToString();
        if (string.IsNullOrEmpty(ifRange)) return true;
        if (EntityTagHeaderValue.TryParse(ifRange, out var tag)) return !tag.IsWeak && tag.Compare(etag, useStrongComparison: true);
        return DateTimeOffset.TryParse(ifRange, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && date == lastModified;
    }
}
