using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>One chapter as an edition was made from it: the Markdown, not the printed result.</summary>
public sealed record EditionSourceChapter(string Slug, string Title, int Order, string Body);

/// <summary>
/// The text an edition was made from, kept next to its PDF and Word file as a JSON file of the same
/// version (file family <see cref="HandbookFeature.SourceSlug"/>), so two editions can be compared
/// chapter by chapter long after the web text has moved on. Its digest is the one the edition records.
/// </summary>
public sealed record EditionSource(string Edition, string Source, IReadOnlyList<EditionSourceChapter> Chapters)
{
    public const string MediaType = "application/json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static EditionSource From(string edition, HandbookContents handbook) => new(
        edition, handbook.SourceDigest(),
        handbook.Chapters.Select(c => new EditionSourceChapter(c.Slug, c.Title, c.Order, c.Version.Body.Replace("\r\n", "\n").Trim())).ToList());

    /// <summary>The digest of the chapters' slugs, titles and text, in order: what an edition records as its source.</summary>
    public static string Digest(IEnumerable<(string Slug, string Title, string Body)> chapters)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (slug, title, body) in chapters)
            hash.AppendData(Encoding.UTF8.GetBytes($"{slug}\n{title}\n{body.Replace("\r\n", "\n").Trim()}\n\0"));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when the chapters are really the text with the recorded digest.</summary>
    public bool IsIntact => Digest(Chapters.Select(c => (c.Slug, c.Title, c.Body))) == Source;

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);

    /// <summary>The source read from JSON, or null when the file is not one.</summary>
    public static async Task<EditionSource?> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        try
        {
            var source = await JsonSerializer.DeserializeAsync<EditionSource>(stream, Json, cancellationToken);
            return source is { Edition: not null, Source: not null, Chapters: not null }
                && source.Chapters.All(c => c is { Slug: not null, Title: not null, Body: not null })
                ? source : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
