using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Theme;
using JasKnowledge.Web.Hosting.Routing;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.Sitemap;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The handbook of the training Het Gesprek: reading it on the web, the trainer's session
/// sheets, the printable whole, and its editions as PDF and Word files.</summary>
public static class HandbookFeature
{
    public const string ChapterType = "handbook-chapter";
    public const string HomeType = "handbook";
    public const string HomeSet = "handboek/handboek";

    /// <summary>Editions are files of the Dutch handbook: a PDF (the edition of record) and an
    /// editable Word file with the same version label.</summary>
    public const string EditionCulture = "nl";
    public const string PdfSlug = "het-gesprek-handboek-pdf";
    /// <summary>What e-mail alerts call the handbook's chapters and its editions.</summary>
    public const string AlertTopic = "handboek";
    public const string EditionsAlertTopic = "edities";
    public const string DocxSlug = "het-gesprek-handboek-docx";
    /// <summary>The text each edition was made from (JSON, chapter by chapter), for comparing editions.</summary>
    public const string SourceSlug = "het-gesprek-handboek-bron";

    public static string HomeUrl(string culture) => $"/{culture}/handboek";
    public static string ChapterUrl(string culture, string slug) => $"/{culture}/handboek/{slug}";
    public static string SessionUrl(string culture, string slug) => $"/{culture}/handboek/{slug}/sessie";
    public static string AllSessionsUrl(string culture) => $"/{culture}/handboek/sessies";
    public static string PrintUrl(string culture) => $"/{culture}/handboek/afdrukken";
    public static string EditionsUrl(string culture) => $"/{culture}/handboek/edities";
    public static string EditionUrl(string culture, string version) => $"/{culture}/handboek/edities/{Uri.EscapeDataString(version)}";
    public static string EditionChapterUrl(string culture, string version, string slug) => $"{EditionUrl(culture, version)}/{slug}";
    /// <summary>Always the newest edition, an address to cite that does not age (302 to it).</summary>
    public const string NewestEdition = "nieuwste";

    /// <summary>Two editions compared, the older one first: /nl/handboek/edities/1.0...1.1.</summary>
    public static string CompareUrl(string culture, string older, string newer) =>
        $"/{culture}/handboek/edities/{Uri.EscapeDataString(older)}...{Uri.EscapeDataString(newer)}";
    public static string CompareChoiceUrl(string culture) => $"/{culture}/handboek/edities/vergelijken";

    public static IServiceCollection AddHandbookFeature(this IServiceCollection services)
    {
        services.AddContentUrl(ChapterType, item => ChapterUrl(item.Culture, item.Slug));
        services.AddContentUrl(HomeType, item => HomeUrl(item.Culture));
        // The chapters hold the handbook's text; its home page only lists them.
        services.AddSearchable(ChapterType, "SearchTypeHandbook", 10);
        services.AddMenuItem("MenuHandbook", "handboek", 10);
        // Followed as one: a major change to any chapter, and each new edition with its changed chapters.
        services.AddFollowable(ChapterType, AlertTopic);
        services.AddFollowable(HomeType, AlertTopic);
        services.AddFollowableFiles(new FollowableFiles(EditionCulture, PdfSlug, EditionsAlertTopic, version => EditionUrl(EditionCulture, version),
            (scope, older, newer, cancellationToken) =>
                scope.GetRequiredService<HandbookEditions>().ChangedChaptersAsync(older, newer, cancellationToken)));
        // An edition's PDF and Word file each lead to the comparison with the edition before (the feed
        // links it); the edition command keeps the text of every edition whose source it records.
        foreach (var slug in new[] { PdfSlug, DocxSlug })
            services.AddComparableFiles(new ComparableFiles(EditionCulture, slug, (culture, older, newer) =>
                older.Source is not null && newer.Source is not null ? CompareUrl(culture, older.VersionLabel, newer.VersionLabel) : null));
        // The editions' texts are for the comparison, not for reading: listed nowhere.
        services.AddInternalFiles(EditionCulture, SourceSlug);
        services.AddScoped<HandbookReader>();
        services.AddScoped<HandbookEditions>();
        services.AddSingleton<PendingEdition>();
        services.AddCommand<EditionCommand>();
        services.AddSitemapSource<HandbookSitemap>();
        return services;
    }
}
