using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Blobs;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Handbook;

public sealed record EditionFile(Asset Asset, AssetRevision Revision);

/// <summary>One edition of the handbook: the PDF and the Word file that share a version label, and the
/// text it was made from when that was kept.</summary>
public sealed record HandbookEdition(string Version, DateTime PublishedUtc, string? ReleaseNotes, string? Source, IReadOnlyList<EditionFile> Files)
{
    public EditionFile Pdf => Files[0];
    public EditionFile? SourceFile { get; init; }
}

public sealed class HandbookEditions(PublishedAssets assets, IBlobStore blobs)
{
    /// <summary>Newest first. The PDF's history decides which editions exist.</summary>
    public async Task<IReadOnlyList<HandbookEdition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var pdf = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.PdfSlug, cancellationToken);
        if (pdf is null) return [];
        var docx = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.DocxSlug, cancellationToken);
        var text = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.SourceSlug, cancellationToken);
        return pdf.NewestFirst().Select(revision =>
        {
            var files = new List<EditionFile> { new(pdf, revision) };
            if (docx?.Find(revision.VersionLabel) is { } word) files.Add(new EditionFile(docx, word));
            return new HandbookEdition(revision.VersionLabel, revision.PublishedUtc, revision.ReleaseNotes, revision.Source, files)
            {
                SourceFile = text?.Find(revision.VersionLabel) is { } kept ? new EditionFile(text, kept) : null,
            };
        }).ToList();
    }

    /// <summary>The text the edition was made from; null when it was not kept or does not match the
    /// digest the edition records (a comparison must never show text the edition was not made from).</summary>
    public Task<EditionSource?> SourceAsync(HandbookEdition edition, CancellationToken cancellationToken = default) =>
        SourceAsync(edition.SourceFile?.Revision, edition.Source, cancellationToken);

    /// <summary>The chapters (their titles) that changed, were added or were removed between two
    /// editions, as the comparison page shows them; empty when either edition's text was not kept.
    /// Given the PDF revisions, so it also answers while the newer one is being published.</summary>
    public async Task<IReadOnlyList<string>> ChangedChaptersAsync(
        AssetRevision older, AssetRevision newer, CancellationToken cancellationToken = default)
    {
        var text = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.SourceSlug, cancellationToken);
        if (text is null) return [];
        var before = await SourceAsync(text.Find(older.VersionLabel), older.Source, cancellationToken);
        var after = await SourceAsync(text.Find(newer.VersionLabel), newer.Source, cancellationToken);
        if (before is null || after is null) return [];
        return EditionComparison.Compare(before, after).Where(c => c.Change != ChapterChange.Unchanged).Select(c => c.Title).ToList();
    }

    private async Task<EditionSource?> SourceAsync(AssetRevision? kept, string? digest, CancellationToken cancellationToken)
    {
        if (kept is null) return null;
        await using var blob = await blobs.GetAsync(kept.BlobKey, cancellationToken: cancellationToken);
        if (blob is null) return null;
        var source = await EditionSource.ReadAsync(blob.Stream, cancellationToken);
        return source is { IsIntact: true } && source.Source == digest ? source : null;
    }
}
