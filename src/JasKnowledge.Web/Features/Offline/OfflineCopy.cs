namespace JasKnowledge.Web.Features.Offline;

/// <summary>
/// What "Bewaar voor offline" keeps of one page: the page itself, any further pages it brings along
/// (the participants' index brings its sheets), the files they need without internet, the size shown
/// before the visitor agrees, and a version token that changes whenever any of it is republished, so a
/// saved copy is refreshed on the next visit online.
/// </summary>
public sealed record OfflineCopy(string PageUrl, IReadOnlyList<string> Pages, IReadOnlyList<string> Files, long Bytes, string Version)
{
    /// <summary>A page's own HTML is not known before it is rendered; this allowance per page (generous
    /// for the portal's pages) keeps the size shown from being less than what is stored.</summary>
    public const long PageAllowance = 24 * 1024;

    public static OfflineCopy Of(
        string pageUrl, IEnumerable<string> pages, IEnumerable<(string Url, long Bytes)> files, IEnumerable<string> versionParts)
    {
        var fileList = files.DistinctBy(f => f.Url, StringComparer.Ordinal).ToList();
        var pageList = pages.Where(p => p != pageUrl).Distinct(StringComparer.Ordinal).ToList();
        return new OfflineCopy(
            pageUrl,
            pageList,
            fileList.Select(f => f.Url).ToList(),
            (pageList.Count + 1) * PageAllowance + fileList.Sum(f => f.Bytes),
            Token(versionParts));
    }

    private static string Token(IEnumerable<string> parts) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('|', parts))))[..16]
            .ToLowerInvariant();
}
