using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Recipe;
using JasKnowledge.Core.Translations;

namespace JasKnowledge.Web.Features.Woordenlijst;

/// <summary>
/// The translators' glossary (<c>content/woordenlijst/</c>): read once from the shipped content folder,
/// shown to participants per language at /{culture}/woordenlijst, and used by the XLIFF notes, the
/// translator's editor and the search. A broken term file is logged with file and line at start-up and
/// reported by the import; the other terms still serve.
/// </summary>
public static class WoordenlijstFeature
{
    public static string Url(string culture) => $"/{culture}/woordenlijst";

    public static IServiceCollection AddWoordenlijstFeature(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var folder = Hosting.Startup.ContentFolder.Of(provider.GetRequiredService<IConfiguration>());
            var glossary = Glossary.Load(folder, provider.GetRequiredService<CultureCatalog>().All.Select(c => c.Code).ToList());
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WoordenlijstFeature));
            foreach (var problem in glossary.Problems) logger.LogWarning("Glossary file left out: {Problem}", problem.ToString());
            return glossary;
        });
        services.AddContentFolderCheck<GlossaryCheck>();
        services.AddSitemapPath("woordenlijst");
        return services;
    }
}

/// <summary>The import reports a broken glossary file with its line, like a broken content file.</summary>
public sealed class GlossaryCheck(CultureCatalog cultures) : IContentFolderCheck
{
    public IReadOnlyList<RecipeProblem> Check(string folder) => Glossary.Load(folder, cultures.All.Select(c => c.Code).ToList()).Problems;
}
