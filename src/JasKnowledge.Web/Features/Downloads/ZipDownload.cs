using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>One file in a ZIP download: its path inside the archive and how to write its bytes.</summary>
public sealed record ZipPart(string Path, Func<Stream, CancellationToken, Task> WriteAsync, bool Compress)
{
    public static ZipPart Text(string path, string text) =>
        new(path, (stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), token).AsTask(), Compress: true);

    /// <summary>A published file revision, copied from the blob store as it streams.</summary>
    public static ZipPart File(string path, IBlobStore blobs, AssetRevision revision) =>
        new(path, async (stream, token) =>
        {
            await using var content = await blobs.GetAsync(revision.BlobKey, null, token)
                ?? throw new InvalidOperationException($"The file {revision.FileName} ({revision.Sha256}) is missing from the blob store.");
            await content.Stream.CopyToAsync(stream, 64 * 1024, token);
        }, Compress: !revision.MediaType.StartsWith("video/", StringComparison.Ordinal)
            && !revision.MediaType.StartsWith("image/", StringComparison.Ordinal) && revision.MediaType != "application/pdf");
}

/// <summary>
/// Streams a ZIP to the response while it is written: each part goes straight from its source (a
/// blob, a rendered page) into the archive, so memory does not grow with the size of the pack. The
/// last entry, SHA256SUMS, lists every file with its SHA-256 in the format <c>sha256sum -c</c> reads.
/// </summary>
public static class ZipDownload
{
    public const string ChecksumFile = "SHA256SUMS";

    /// <param name="withLength">Build the archive in a temporary file first and send it with its Content-Length, so that a
    /// phone's download manager shows the total and the progress. For small archives only (a film's offline copy, about
    /// 350 kB); a session pack streams as it is written.</param>
    public static async Task WriteAsync(
        HttpContext http, string fileName, IEnumerable<ZipPart> parts, CancellationToken cancellationToken, bool withLength = false)
    {
        var response = http.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName,
            DispositionType = "attachment" }.ToString();
        response.Headers.CacheControl = "no-store";
        if (withLength)
        {
            await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"jas-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await WriteArchiveAsync(file, parts, cancellationToken);
            response.ContentLength = file.Length;
            file.Position = 0;
            await file.CopyToAsync(response.Body, 64 * 1024, cancellationToken);
            return;
        }
        // ZipArchive closes each entry's deflate stream synchronously even on the async path (.NET 10),
        // a small final write per entry; everything else in the pack is written asynchronously.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } bodyControl)
            bodyControl.AllowSynchronousIO = true;
        await WriteArchiveAsync(response.Body, parts, cancellationToken);
    }

    private static async Task WriteArchiveAsync(Stream target, IEnumerable<ZipPart> parts, CancellationToken cancellationToken)
    {
        var checksums = new StringBuilder();
        var now = DateTimeOffset.UtcNow;
        await using (var zip = await ZipArchive.CreateAsync(
            target, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken))
        {
            foreach (var part in parts)
            {
                var entry = zip.CreateEntry(part.Path, part.Compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                entry.LastWriteTime = now;
                await using var entryStream = await entry.OpenAsync(cancellationToken);
                await using var hashing = new HashingStream(entryStream);
                await part.WriteAsync(hashing, cancellationToken);
                checksums.Append(hashing.HashHex()).Append("  ").Append(part.Path).Append('\n');
            }
            var sums = zip.CreateEntry(ChecksumFile, CompressionLevel.Optimal);
            sums.LastWriteTime = now;
            await using var sumsStream = await sums.OpenAsync(cancellationToken);
            await sumsStream.WriteAsync(Encoding.UTF8.GetBytes(checksums.ToString()), cancellationToken);
        }
    }

    /// <summary>Passes writes through and hashes them on the way.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            _hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
