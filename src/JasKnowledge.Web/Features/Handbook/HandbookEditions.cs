using JasKnowledge.Core.Assets;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.Handbook;

public sealed record EditionFile(Asset Asset, AssetRevision Revision);

/// <summary>One edition of the handbook: the PDF and the Word file that share a version label.</summary>
public sealed record HandbookEdition(string Version, DateTime PublishedUtc, string? ReleaseNotes, string? Source, IReadOnlyList<EditionFile> Files)
{
    public EditionFile Pdf => Files[0];
}

public sealed class HandbookEditions(PublishedAssets assets)
{
    /// <summary>Newest first. The PDF's history decides which editions exist.</summary>
    public async Task<IReadOnlyList<HandbookEdition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var pdf = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.PdfSlug, cancellationToken);
        if (pdf is null) return [];
        var docx = await assets.FindAsync(HandbookFeature.EditionCulture, HandbookFeature.DocxSlug, cancellationToken);
        return pdf.NewestFirst().Select(revision =>
        {
            var files = new List<EditionFile> { new(pdf, revision) };
            if (docx?.Find(revision.VersionLabel) is { } word) files.Add(new EditionFile(docx, word));
            return new HandbookEdition(revision.VersionLabel, revision.PublishedUtc, revision.ReleaseNotes, revision.Source, files);
        }).ToList();
    }
}
