using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Assets;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>The files of one language on the downloads page; its pictures (the films' posters) apart, folded away.</summary>
public sealed record FilesInLanguage(CultureDefinition Language, IReadOnlyList<Asset> Files, IReadOnlyList<Asset> Pictures)
{
    public int Count => Files.Count + Pictures.Count;
}

/// <summary>/{culture}/downloads: every file, grouped by language with the visitor's own first and Dutch (the handbook,
/// the films, the data) next. Only the visitor's own language is unfolded: with every language open the page was 32,000
/// pixels on a phone, mostly Dutch data files a participant never needs (phone review of 7 December 2026).</summary>
public sealed class DownloadsIndexModel(PublishedAssets assets, CultureCatalog cultures) : PageModel
{
    public IReadOnlyList<FilesInLanguage> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visitor = PortalCulture.Get(HttpContext).Code;
        var files = (await assets.ListAsync(cancellationToken)).Where(a => a.Latest is not null).ToList();
        Sections = cultures.All
            .OrderBy(c => c.Code == visitor ? 0 : c.Code == cultures.Default.Code ? 1 : 2)
            .Select(c => files.Where(f => f.Culture == c.Code).OrderBy(f => Kind(f.Latest!.MediaType)).ToList() is var inLanguage
                ? new FilesInLanguage(c, inLanguage.Where(f => !IsPicture(f)).ToList(), inLanguage.Where(IsPicture).ToList())
                : null!)
            .Where(s => s.Count > 0)
            .ToList();
    }

    /// <summary>Texts to read first (PDF, Word, OpenDocument), then films, then data: what most visitors come for leads.</summary>
    private static int Kind(string mediaType) =>
        mediaType.StartsWith("application/pdf", StringComparison.Ordinal) || mediaType.Contains("document", StringComparison.Ordinal) ? 0
        : mediaType.StartsWith("video/", StringComparison.Ordinal) ? 1
        : 2;

    /// <summary>A poster or thumbnail, three for each film: few come for them, and unfolded they made most of the list (a
    /// review by trainers, 6 December 2026).</summary>
    private static bool IsPicture(Asset file) => file.Latest!.MediaType.StartsWith("image/", StringComparison.Ordinal);
}
