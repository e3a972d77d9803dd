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
            .AddTypeField(new TypeField(Type, "order", "Plaats in de lijst voor deelnemers",
                "Een heel getal: 1 komt eerst. Leeg: na de andere bladen.", TypeFieldKind.Number))
            .AddTypeField(new TypeField(Type, "sessions", "Sessies van het handboek",
                "Het adres van elke sessie waar dit blad bij hoort, één per regel, zoals sessie-8-samenleven-en-buren. Trainers krijgen het "
                + "blad dan in het pakket van die sessie.", TypeFieldKind.Addresses, Handbook.HandbookFeature.ChapterType))
            .AddFollowable(Type)
            .AddSearchable(Type, "SearchTypeSheet", 20)
            .AddSitemapSource<SheetVersionsSitemap>()
            .AddCommand<SheetFilesCommand>();
}
