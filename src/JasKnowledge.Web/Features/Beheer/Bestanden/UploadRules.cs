using System.Text.Unicode;

namespace JasKnowledge.Web.Features.Beheer.Bestanden;

/// <summary>
/// Which files may be uploaded: only types the portal serves, recognised by their first bytes as well as
/// their extension, so a renamed program or web page is refused. The media type is the portal's, never
/// the uploader's; nothing uploaded is ever served as HTML, script or an executable.
/// </summary>
public static class UploadRules
{
    public sealed record FileKind(string Extension, string MediaType, string Description, Func<ReadOnlyMemory<byte>, bool> Matches);

    public static readonly IReadOnlyList<FileKind> Kinds =
    [
        new(".pdf", "application/pdf", "PDF", head => StartsWith(head, "%PDF-"u8)),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", head => StartsWith(head, "PK\u0003\u0004"u8)),
        new(".zip", "application/zip", "ZIP", head => StartsWith(head, "PK\u0003\u0004"u8)),
        new(".mp4", "video/mp4", "MP4-video", head => head.Length >= 8 && head.Span[4..8].SequenceEqual("ftyp"u8)),
        new(".png", "image/png", "PNG", head => StartsWith(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new(".jpg", "image/jpeg", "JPEG", head => StartsWith(head, [0xFF, 0xD8, 0xFF])),
        new(".webp", "image/webp", "WebP", head => head.Length >= 12 && StartsWith(head, "RIFF"u8) && head.Span[8..12].SequenceEqual("WEBP"u8)),
        new(".vtt", "text/vtt", "WebVTT-ondertitels", head => IsText(head) && StripBom(head).Span.StartsWith("WEBVTT"u8)),
        new(".csv", "text/csv", "CSV", IsText),
        new(".geojson", "application/geo+json", "GeoJSON", head => IsText(head) && StripBom(head).Span.TrimStart(" \r\n\t"u8).StartsWith("{"u8)),
    ];

    public static string Allowed => string.Join(", ", Kinds.Select(k => k.Extension));

    /// <summary>What is wrong with the whole file of a kind whose structure can be checked cheaply, or null. The first bytes alone
    /// let a 5-byte "%PDF-" become the latest handbook edition (the attack of 6 December 2026): a PDF must end as every PDF writer
    /// ends one, with the pointer to its table of contents and the end-of-file marker in its last kilobyte ("startxref" … "%%EOF";
    /// an 18-byte "%PDF-1.4 abc %%EOF" still passed on 7 December), and a ZIP or Word file must have a readable table of contents
    /// (a Word file with its document in it).</summary>
    public static async Task<string?> StructureProblemAsync(FileKind kind, Stream content, CancellationToken cancellationToken)
    {
        switch (kind.Extension)
        {
            case ".pdf":
                var tail = new byte[Math.Min(1024, content.Length)];
                content.Seek(-tail.Length, SeekOrigin.End);
                await content.ReadExactlyAsync(tail, cancellationToken);
                var end = tail.AsSpan().LastIndexOf("%%EOF"u8);
                return end >= 0 && tail.AsSpan(0, end).LastIndexOf("startxref"u8) >= 0 ? null
                    : "het bestand begint als een PDF maar houdt er halverwege mee op (het einde van een PDF ontbreekt). Sla het opnieuw op als PDF.";
            case ".zip" or ".docx":
                try
                {
                    using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
                    if (zip.Entries.Count == 0) return "het ZIP-bestand is leeg.";
                    if (kind.Extension == ".docx" && (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("word/document.xml") is null))
                        return "dit is een ZIP-bestand, maar geen Word-document. Sla het opnieuw op als .docx.";
                    return null;
                }
                catch (InvalidDataException)
                {
                    return $"het bestand begint als een {kind.Description}-bestand maar is onvolledig of beschadigd. Sla het opnieuw op.";
                }
            default:
                return null;
        }
    }

    /// <summary>The kind of a file by its name, or null when the portal does not serve that type.</summary>
    public static FileKind? ByName(string fileName) =>
        Kinds.FirstOrDefault(k => string.Equals(Path.GetExtension(fileName), k.Extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>Text means valid UTF-8 without NUL bytes in the first block.</summary>
    private static bool IsText(ReadOnlyMemory<byte> head)
    {
        if (head.Span.IndexOf((byte)0) >= 0) return false;
        // The block may end in the middle of a character: allow up to three bytes of an unfinished one.
        for (var cut = 0; cut <= 3 && cut < head.Length; cut++)
        {
            if (Utf8.IsValid(head.Span[..^cut])) return true;
        }
        return head.Length == 0;
    }

    private static ReadOnlyMemory<byte> StripBom(ReadOnlyMemory<byte> head) => head.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        ? head[3..] : head;

    private static bool StartsWith(ReadOnlyMemory<byte> head, ReadOnlySpan<byte> prefix) => head.Span.StartsWith(prefix);
}
