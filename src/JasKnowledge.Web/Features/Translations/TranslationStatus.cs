using JasKnowledge.Core.Content;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;

namespace JasKnowledge.Web.Features.Translations;

public sealed record TranslationCell(TranslationState State, int? TranslatedFrom, string? Url);

/// <summary>One source-language item and where each language stands.</summary>
public sealed record TranslationRow(
    string Type, string LocalizationSet, string Title, string? Url, int SourceVersion, IReadOnlyDictionary<string, TranslationCell> Cells);

public sealed record LanguageCount(int Current, int Outdated, int Missing);

/// <summary>Computes the status matrix from the published versions: a translation is current when it
/// was made from the source version published now, or from one that only minor edits separate from it
/// (TranslationFreshness).</summary>
public sealed class TranslationStatus(PublishedContent content, ContentUrls urls, CultureCatalog cultures, IEnumerable<TranslatedType> types)
{
    public async Task<IReadOnlyList<TranslationRow>> RowsAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<TranslationRow>();
        foreach (var type in types.OrderBy(t => t.Order))
        {
            var published = await content.ListAsync(type.Type, null, cancellationToken);
            var neededFrom = await content.TranslationsNeededFromAsync(
                published.Where(p => p.Item.Culture == cultures.Default.Code).Select(p => p.Item.Id), cancellationToken);
            foreach (var set in published.GroupBy(p => p.Item.LocalizationSet).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var source = set.FirstOrDefault(p => p.Item.Culture == cultures.Default.Code);
                if (source.Item is null) continue;
                var cells = cultures.Translated.ToDictionary(c => c.Code, c =>
                {
                    var translation = set.FirstOrDefault(p => p.Item.Culture == c.Code);
                    return translation.Item is null
                        ? new TranslationCell(TranslationState.Missing, null, null)
                        : new TranslationCell(
                            TranslationFreshness.Of(neededFrom[source.Item.Id], translation.Version), translation.Version.SourceVersion,
                            urls.For(translation.Item));
                });
                rows.Add(new TranslationRow(type.Type, set.Key, source.Version.Title, urls.For(source.Item), source.Version.Number, cells));
            }
        }
        return rows;
    }

    public static IReadOnlyDictionary<string, LanguageCount> Counts(IReadOnlyList<TranslationRow> rows, IEnumerable<string> languages) =>
        languages.ToDictionary(code => code, code => new LanguageCount(
            rows.Count(r => r.Cells[code].State == TranslationState.Current),
            rows.Count(r => r.Cells[code].State == TranslationState.Outdated),
            rows.Count(r => r.Cells[code].State == TranslationState.Missing)));
}
