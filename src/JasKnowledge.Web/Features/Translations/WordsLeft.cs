using System.Globalization;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Formats;
using JasKnowledge.Core.Localization;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>What is left to translate in one language, in items and Dutch words: missing items count
/// all their words, outdated items only the words of the units that changed; interface strings (resx)
/// count when the language has no text for them.</summary>
public sealed record LanguageWords(
    string Language, int MissingItems, int MissingWords, int OutdatedItems, int OutdatedWords, int MissingStrings, int StringWords)
{
    public int TotalWords => MissingWords + OutdatedWords + StringWords;
}

/// <summary>Counts the words left per language, so that an agency's quote can be checked against them.</summary>
public sealed partial class WordsLeft(TranslationExchange exchange, InterfaceTexts interfaceTexts, CultureCatalog cultures)
{
    public async Task<IReadOnlyList<LanguageWords>> CountAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<LanguageWords>();
        foreach (var language in cultures.Translated)
        {
            var items = await exchange.ItemsAsync(language.Code, everything: false, cancellationToken);
            int Words(TranslationState state) => items.Where(i => i.State == state)
                .Sum(i => i.Item.Units.Where(u => u.State != "translated").Sum(u => Count(u.Source)));
            var strings = interfaceTexts.Missing(language.Code);
            result.Add(new LanguageWords(language.Code,
                items.Count(i => i.State == TranslationState.Missing), Words(TranslationState.Missing),
                items.Count(i => i.State == TranslationState.Outdated), Words(TranslationState.Outdated),
                strings.Count, strings.Sum(Count)));
        }
        return result;
    }

    public static byte[] Csv(IReadOnlyList<LanguageWords> counts) => Core.Formats.Csv.Export(
        [
            "taal", "ontbrekende items", "ontbrekende woorden", "verouderde items", "veranderde woorden", "ontbrekende interfaceteksten",
            "woorden interface", "woorden totaal",
        ],
        counts.Select(c => new[]
            {
                c.Language, Text(c.MissingItems), Text(c.MissingWords), Text(c.OutdatedItems), Text(c.OutdatedWords),
                Text(c.MissingStrings), Text(c.StringWords), Text(c.TotalWords),
            })
            .Append(["totaal", Text(counts.Sum(c => c.MissingItems)), Text(counts.Sum(c => c.MissingWords)), Text(counts.Sum(c => c.OutdatedItems)),
                Text(counts.Sum(c => c.OutdatedWords)), Text(counts.Sum(c => c.MissingStrings)), Text(counts.Sum(c => c.StringWords)),
                Text(counts.Sum(c => c.TotalWords))]));

    /// <summary>Words of a Markdown text: links' addresses and code do not count, a word with a hyphen or apostrophe is one.</summary>
    public static int Count(string markdown) => Word().Count(Uninteresting().Replace(markdown, " "));

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
    [GeneratedRegex(@"\]\([^)\s]*\)|`[^`]*`|\{\d+\}")]
    private static partial Regex Uninteresting();
}
