using JasKnowledge.Core.Content;
using JasKnowledge.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Data.Search;

/// <summary>How a search type is named on the search page (a key of the Ui resources) and where it
/// stands among the type filters.</summary>
public sealed record SearchTypeLabel(string Type, string LabelKey, int Order);

public static class SearchRegistration
{
    /// <summary>Makes a content type searchable, with its label on the search page (a Ui key) and its
    /// place among the type filters.</summary>
    public static IServiceCollection AddSearchable(this IServiceCollection services, string type, string labelKey, int order, Func<ContentVersion, string?>? moreText = null)
    {
        services.AddSingleton(new SearchableType(type, moreText));
        return services.AddSearchLabel(type, labelKey, order);
    }

    public static IServiceCollection AddSearchLabel(this IServiceCollection services, string type, string labelKey, int order) =>
        services.AddSingleton(new SearchTypeLabel(type, labelKey, order));
}
