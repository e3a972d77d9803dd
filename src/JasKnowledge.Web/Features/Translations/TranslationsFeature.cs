using JasKnowledge.Web.Features.Sitemap;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>A content type whose items are translated into every language (participants read them);
/// the translation status page lists them. Types for one audience in one language (the trainers'
/// handbook) do not register.</summary>
public sealed record TranslatedType(string Type, int Order);

/// <summary>The translation status page for editors and translators: every translated item against
/// every language, each cell current, out of date or missing.</summary>
public static class TranslationsFeature
{
    public static string StatusUrl(string culture) => $"/{culture}/vertalingen";

    public static IServiceCollection AddTranslatedType(this IServiceCollection services, string type, int order) =>
        services.AddSingleton(new TranslatedType(type, order));

    public static IServiceCollection AddTranslationsFeature(this IServiceCollection services) =>
        services.AddScoped<TranslationStatus>().AddSitemapPath("vertalingen");
}
