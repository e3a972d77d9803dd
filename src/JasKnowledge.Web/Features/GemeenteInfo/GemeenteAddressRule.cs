using JasKnowledge.Core.Modules;
using JasKnowledge.Programmes.Gemeenten;

namespace JasKnowledge.Web.Features.GemeenteInfo;

/// <summary>A municipality's information lives at that municipality's name, as the CBS list spells it in addresses (leiden,
/// bergen-nh, s-hertogenbosch), so a participant finds it and the page can name its source.</summary>
public sealed class GemeenteAddressRule(GemeentenRegister register) : IAddressRule
{
    public string Type => GemeenteInfoFeature.Type;

    public async Task<string?> ProblemAsync(string slug, CancellationToken cancellationToken)
    {
        var gemeenten = await register.GetAsync(cancellationToken);
        if (gemeenten.All.Count == 0)
            return "De lijst van gemeenten (CBS) is nog niet gepubliceerd; zonder die lijst kan het portaal de gemeente niet vinden.";
        if (gemeenten.BySlug(slug) is not null) return null;
        // A title made into an address ("informatie-van-de-gemeente-leiden") often still names the municipality.
        var named = gemeenten.All.Where(g => slug.EndsWith("-" + g.Slug, StringComparison.Ordinal))
            .Select(g => g.Slug).MaxBy(s => s.Length);
        return "Het adres van informatie van een gemeente is de naam van die gemeente, zoals leiden of bergen-nh."
            + (named is not null ? $" Bedoelt u {named}?" : " Geen gemeente van de CBS-lijst heeft dit adres.");
    }
}
