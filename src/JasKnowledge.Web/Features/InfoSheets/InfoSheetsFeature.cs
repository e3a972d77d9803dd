using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.Sitemap;
using JasKnowledge.Web.Features.Translations;

namespace JasKnowledge.Web.Features.InfoSheets;

/// <summary>Information sheets for participants (type "info-sheet"): one page per sheet and language,
/// printable on one or two A4 pages, and a PDF of each translation in the downloads.</summary>
public static class InfoSheetsFeature
{
    public const string Type = "info-sheet";
    /// <summary>Where the sheet-files command writes the PDFs and their manifests.</summary>
    public const string FilesFolder = "informatie/bestanden";

    public static string SheetUrl(string culture, string slug) => $"/{culture}/informatie/{slug}";
    /// <summary>The sheet's published versions in one language, and two of them compared.</summary>
    public static string VersionsUrl(string culture, string slug) => $"/{culture}/informatie/{slug}/versies";
    public static string VersionsUrl(string culture, string slug, int older, int newer) => $"{VersionsUrl(culture, slug)}?van={older}&naar={newer}";
    /// <summary>The downloadable PDF of a sheet is an asset in the sheet's own language.</summary>
    public static string FileSlug(string sheetSlug) => $"{sheetSlug}-pdf";

    public static IServiceCollection AddInfoSheetsFeature(this IServiceCollection services) =>
        services.AddContentUrl(Type, item => SheetUrl(item.Culture, item.Slug))
            .AddTranslatedType(Type, 1)
            // A new sheet ("Je huisarts") is an editor's work, not a developer's.
            .AddCreatableType(Type, "informatie", "je-huisarts")
            .AddFollowable(Type)
            .AddSearchable(Type, "SearchTypeSheet", 20)
            .AddSitemapSource<SheetVersionsSitemap>()
            .AddCommand<SheetFilesCommand>();
}
