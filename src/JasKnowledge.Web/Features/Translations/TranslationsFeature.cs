using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>The translation status page for editors and translators: every translated item against
/// every language, each cell current, out of date or missing.</summary>
public static class TranslationsFeature
{
    public static IServiceCollection AddTranslationsFeature(this IServiceCollection services) =>
        services.AddScoped<TranslationStatus>().AddScoped<TranslationExchange>().AddScoped<WordsLeft>().AddSingleton<InterfaceTexts>()
            .AddCommand<TranslationsCommand>().AddSitemapPath("vertalingen");
}
