using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Assets;
using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>A sheet's PDF and the number of the published version of the text it was made from.</summary>
public sealed record SheetPdfFile(Asset File, AssetRevision Revision, int TextVersion);

/// <summary>The PDF of a sheet's translation, made from the text that is published or from an earlier version with only
/// minor changes since: a correction that leaves the meaning alone (the portal's own rule, which keeps translations current
/// too) no longer takes the PDF away from participants, the offline copy and the trainers' session pack until someone runs
/// <c>sheet-files</c> (review of 7 December 2026). A PDF from before a major change is never offered.</summary>
public static class SheetPdf
{
    public static async Task<SheetPdfFile?> FindAsync(
        PublishedAssets assets, PublishedContent content, ContentItem item, ContentVersion version, CancellationToken cancellationToken)
    {
        var file = await assets.FindAsync(item.Culture, InfoSheetsFeature.FileSlug(item.Slug), cancellationToken);
        if (file is null) return null;
        if (file.MadeFrom(ContentDigest.Of(version)) is { } exact) return new SheetPdfFile(file, exact, version.Number);
        if (version.IsMajor) return null;
        var earlier = (await content.PublishedHistoryAsync(item.Id, cancellationToken))
            .Where(v => v.Number < version.Number).OrderByDescending(v => v.Number);
        foreach (var text in earlier)
        {
            if (file.MadeFrom(ContentDigest.Of(text)) is { } revision) return new SheetPdfFile(file, revision, text.Number);
            if (text.IsMajor) break;
        }
        return null;
    }

    /// <summary>The published sheets that offer no PDF, for the back office: a new one is made with <c>sheet-files</c>.</summary>
    public static async Task<IReadOnlyList<(ContentItem Item, ContentVersion Version)>> MissingAsync(
        PublishedAssets assets, PublishedContent content, CancellationToken cancellationToken)
    {
        var missing = new List<(ContentItem, ContentVersion)>();
        foreach (var (item, version) in await content.ListAsync(InfoSheetsFeature.Type, null, cancellationToken))
            if (await FindAsync(assets, content, item, version, cancellationToken) is null) missing.Add((item, version));
        return missing;
    }
}
