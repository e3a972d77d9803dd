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

    /// <summary>Labels appear in URLs next to the reserved word "latest".</summary>
    public static bool IsValidVersionLabel(string? label) =>
        label is { Length: > 0 and <= 64 }
        && char.IsAsciiLetterOrDigit(label[0])
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && !label.Contains("..", StringComparison.Ordinal)
        && !string.Equals(label, "latest", StringComparison.OrdinalIgnoreCase);

    /// <summary>The revisions from the newest back to the first, following the "replaced by" chain.</summary>
    public IReadOnlyList<AssetRevision> NewestFirst()
    {
        var byReplacement = Revisions.Where(r => r.ReplacedById is not null).ToDictionary(r => r.ReplacedById!.Value);
        var history = new List<AssetRevision>();
        for (var current = Latest; current is not null; current = byReplacement.GetValueOrDefault(current.Id))
            history.Add(current);
        return history;
    }

    /// <summary>The newest revision rendered from the text with this digest (AssetRevision.Source).</summary>
    public AssetRevision? MadeFrom(string source) => NewestFirst().FirstOrDefault(r => r.Source == source);

    public AssetRevision? Find(string versionLabel) =>
        Revisions.FirstOrDefault(r => string.Equals(r.VersionLabel, versionLabel, StringComparison.OrdinalIgnoreCase));

    public AssetRevision AddRevision(
        StoredFile file, string versionLabel, string fileName, string? releaseNotes, DateTime publishedUtc, string? source = null)
    {
        if (!IsValidVersionLabel(versionLabel))
            throw new Content.ContentRuleException(Content.ContentRule.InvalidVersionLabel,
                $"'{versionLabel}' kan geen versienummer zijn: gebruik letters, cijfers, '.', '_' en '-' (hoogstens 64, te beginnen met een "
                + "letter of cijfer), en niet het woord 'latest', dat altijd de nieuwste versie betekent.");
        if (Find(versionLabel) is not null)
            throw new Content.ContentRuleException(Content.ContentRule.VersionLabelTaken,
                $"'{Slug}' ({Culture}) heeft al een versie {versionLabel}. Een gepubliceerd bestand verandert nooit: "
                + "geef het nieuwe bestand een nieuw versienummer.");
        if (AssetRevision.ReleaseNotesProblem(releaseNotes) is { } problem)
            throw new Content.ContentRuleException(Content.ContentRule.ReleaseNotes, $"Versie {versionLabel}. {problem}");
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
            Source = source,
        };
        if (Latest is { } previous) previous.ReplacedById = revision.Id;
        Revisions.Add(revision);
        return revision;
    }
}
