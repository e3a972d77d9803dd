using JasKnowledge.Core.Modules;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>The translation status page for editors and translators: every translated item against
/// every language, each cell current, out of date or missing; XLIFF both ways; and the translators' mail when a Dutch text
/// they translated changed.</summary>
public static class TranslationsFeature
{
    public static IServiceCollection AddTranslationsFeature(this IServiceCollection services) =>
        services.AddScoped<TranslationStatus>().AddScoped<TranslationExchange>().AddScoped<WordsLeft>().AddSingleton<InterfaceTexts>()
            .AddCommand<TranslationsCommand>().AddSitemapPath("vertalingen")
            // Translators hear by mail when a Dutch text they translated changed.
            .AddPublishingStep<DutchChangeStep>().AddScoped<Alerts.IAlertAudience, DutchChangeMail>()
            .AddOptions<TranslationReview>().BindConfiguration("Jas").Services;
}
