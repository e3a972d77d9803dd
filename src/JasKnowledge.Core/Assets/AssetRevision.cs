namespace JasKnowledge.Core.Assets;

/// <summary>One immutable version of a downloadable file. Its bytes live in the blob store under a key
/// derived from their SHA-256, so a revision can never point at changed bytes.</summary>
public sealed class AssetRevision
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AssetId { get; init; }
    public required string VersionLabel { get; init; }
    public required string BlobKey { get; init; }
    /// <summary>Lower-case hex SHA-256 of the bytes; also the download's ETag.</summary>
    public required string Sha256 { get; init; }
    public long Size { get; init; }
    public required string MediaType { get; init; }
    public required string FileName { get; init; }
    /// <summary>What changed, in the editors' words: shown on the download page, in the feed and in the alert e-mail,
    /// whose notification keeps at most <see cref="MaxReleaseNotes"/> characters, as a content version's change note.</summary>
    public string? ReleaseNotes { get; init; }

    public const int MaxReleaseNotes = 2000;
    public DateTime PublishedUtc { get; init; }
    /// <summary>For a file the portal produced from its own content (a handbook edition): a digest of
    /// that content, so the portal can tell whether the web text still matches the file.</summary>
    public string? Source { get; init; }
    public Guid? ReplacedById { get; internal set; }

    /// <summary>Why these release notes cannot be kept ("Wat is er nieuw: …"), or null.</summary>
    public static string? ReleaseNotesProblem(string? notes) =>
        notes is { Length: > MaxReleaseNotes } ? $"Wat is er nieuw: hoogstens {MaxReleaseNotes} tekens (nu {notes.Length})."
        : Formats.HiddenCharacters.Problem("Wat is er nieuw", notes);
}
