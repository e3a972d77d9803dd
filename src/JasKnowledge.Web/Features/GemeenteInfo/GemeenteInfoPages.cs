using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes.Gemeenten;

namespace JasKnowledge.Web.Features.GemeenteInfo;

/// <summary>A municipality's published information as a participant in one language is offered it: the municipality's name
/// (Dutch, a proper name in every language), where to read it, and the language it is shown in when not theirs yet.</summary>
public sealed record GemeentePage(string Name, string Url, CultureDefinition? OtherLanguage);

/// <summary>Which municipalities have published their own information, for the participants' overview.</summary>
public sealed class GemeenteInfoPages(PublishedContent content, GemeentenRegister register, CultureCatalog cultures)
{
    /// <summary>One entry per municipality with a published page in any language, in Dutch name order.</summary>
    public async Task<IReadOnlyList<GemeentePage>> ListAsync(string culture, CancellationToken cancellationToken = default)
    {
        var published = await content.ListAsync(GemeenteInfoFeature.Type, null, cancellationToken);
        if (published.Count == 0) return [];
        var gemeenten = await register.GetAsync(cancellationToken);
        var chain = cultures.FallbackChain(culture).ToList();
        return published.GroupBy(p => p.Item.Slug)
            .Select(set => (Slug: set.Key, Shown: chain.Select(code => set.FirstOrDefault(p => p.Item.Culture == code).Item).OfType<JasKnowledge.Core.Content.ContentItem>().FirstOrDefault()))
            .Where(s => s.Shown is not null)
            .Select(s => new GemeentePage(
                gemeenten.BySlug(s.Slug)?.Name ?? s.Slug,
                GemeenteInfoFeature.PageUrl(culture, s.Slug),
                s.Shown!.Culture == culture ? null : cultures.Find(s.Shown.Culture)))
            .OrderBy(p => p.Name, GemeentenList.DutchOrder)
            .ToList();
    }
}
