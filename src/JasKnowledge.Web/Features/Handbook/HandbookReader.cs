using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>Reads the handbook from what is published, in one language with its fallbacks.</summary>
public sealed class HandbookReader(PublishedContent content, CultureCatalog cultures)
{
    public async Task<HandbookContents> LoadAsync(string culture, CancellationToken cancellationToken = default)
    {
        var home = await content.FindAsync(HandbookFeature.HomeSet, culture, cancellationToken);
        var chain = cultures.FallbackChain(culture);
        var all = await content.ListAsync(HandbookFeature.ChapterType, null, cancellationToken);
        var chapters = all
            .GroupBy(x => x.Item.LocalizationSet)
            .Select(set => set.OrderBy(x => Rank(chain, x.Item.Culture)).First())
            .Where(x => Rank(chain, x.Item.Culture) < int.MaxValue)
            .Select(x => HandbookChapter.From(x.Item, x.Version))
            .OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .ToList();
        var languages = cultures.All.Select(c => c.Code).Where(code => all.Any(x => x.Item.Culture == code)).ToList();
        return new HandbookContents(home, chapters, languages);
    }

    private static int Rank(IReadOnlyList<string> chain, string culture)
    {
        for (var i = 0; i < chain.Count; i++)
            if (string.Equals(chain[i], culture, StringComparison.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }
}
