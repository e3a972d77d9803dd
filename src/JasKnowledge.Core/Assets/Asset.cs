namespace JasKnowledge.Core.Assets;

/// <summary>A downloadable file family (e.g. the Het Gesprek handbook PDF in Dutch) and its revisions.
/// Revisions are immutable: a new file is a new revision, and old ones stay downloadable.</summary>
public sealed class Asset
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Slug { get; init; }
    public required string Culture { get; init; }
    public required string Title { get; set; }
    public DateTime CreatedUtc { get; init; }
    public List<AssetRevision> Revisions { get; init; } = [];

    /// <summary>The newest revision: the one nothing has replaced.</summary>
    public AssetRevision? Latest => Revisions.FirstOrDefault(r => r.ReplacedById is null);

    public AssetRevision AddRevision(StoredFile file, string versionLabel, string fileName, string? releaseNotes, DateTime publishedUtc)
    {
        if (string.IsNullOrWhiteSpace(versionLabel))
            throw new ArgumentException("A revision needs a version label.", nameof(versionLabel));
        if (Revisions.Any(r => string.Equals(r.VersionLabel, versionLabel, StringComparison.OrdinalIgnoreCase)))
            throw new Content.ContentRuleException($"'{Slug}' ({Culture}) already has a version {versionLabel}; a published file never changes, so give the new file a new version label.");
        var revision = new AssetRevision
        {
            AssetId = Id,
            VersionLabel = versionLabel,
            BlobKey = file.BlobKey,
            Sha256 = file.Sha256,
            Size = file.Size,
            MediaType = file.MediaType,
            FileName = fileName,
            ReleaseNotes = releaseNotes,
            PublishedUtc = publishedUtc,
        };
        if (Latest is { } previous) previous.ReplacedById = revision.Id;
        Revisions.Add(revision);
        return revision;
    }
}
