using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;
using JasKnowledge.Data.Assets;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>The PDF of a sheet's translation, but only one made from exactly the text that is published:
/// a PDF of an older text is never offered as if it were the current one.</summary>
public static class SheetPdf
{
    public static async Task<(Asset File, AssetRevision Revision)?> FindAsync(
        PublishedAssets assets, ContentItem item, ContentVersion version, CancellationToken cancellationToken)
    {
        var file = await assets.FindAsync(item.Culture, InfoSheetsFeature.FileSlug(item.Slug), cancellationToken);
        return file?.MadeFrom(ContentDigest.Of(version)) is { } revision ? (file, revision) : null;
    }
}
