using System.Globalization;

namespace JasKnowledge.Core.Localization;

/// <summary>The configured languages, in the order the portal offers them; the first is the default.</summary>
public sealed class CultureCatalog
{
    private readonly Dictionary<string, CultureDefinition> _byCode;
    private readonly Dictionary<string, CultureInfo> _formatting = new(StringComparer.OrdinalIgnoreCase);

    public CultureCatalog(IEnumerable<CultureDefinition> cultures)
    {
        All = cultures.ToList();
        if (All.Count == 0) throw new InvalidOperationException("Jas:Cultures lists no languages; configure at least one.");
        var duplicate = All.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Jas:Cultures lists '{duplicate.Key}' twice.");
        _byCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        Translated = All.Skip(1).ToList();
        foreach (var culture in All)
        {
            var unknown = culture.Fallback.FirstOrDefault(f => !_byCode.ContainsKey(f));
            if (unknown is not null) throw new InvalidOperationException(
                $"Jas:Cultures: the fallback '{unknown}' of '{culture.Code}' is not a configured language.");
            _formatting[culture.Code] = CreateFormattingCulture(culture);
        }
    }

    public IReadOnlyList<CultureDefinition> All { get; }
    public CultureDefinition Default => All[0];
    /// <summary>Every language but the default, which is written, not translated: the languages of the translation work.</summary>
    public IReadOnlyList<CultureDefinition> Translated { get; }

    public CultureDefinition? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var culture) ? culture : null;

    public bool Contains(string? code) => Find(code) is not null;

    /// <summary>The language itself, then its fallbacks, then the default: each once.</summary>
    public IReadOnlyList<string> FallbackChain(string code)
    {
        var culture = Find(code) ?? Default;
        return new[] { culture.Code }.Concat(culture.Fallback).Append(Default.Code)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The .NET culture for dates, numbers and interface strings of a language.</summary>
    public CultureInfo FormattingCulture(string code) =>
        _formatting.TryGetValue(code, out var culture) ? culture : _formatting[Default.Code];

    // ICU gives fa, fa-AF and ps the Persian calendar; the portal shows Gregorian dates everywhere so
    // that a date on a Farsi page means the same day as on the Dutch one.
    private static CultureInfo CreateFormattingCulture(CultureDefinition definition)
    {
        var name = string.IsNullOrEmpty(definition.DotNetCulture) ? definition.Code : definition.DotNetCulture;
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (culture.Calendar is not GregorianCalendar)
        {
            var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
            culture.DateTimeFormat.Calendar = gregorian;
        }
        return CultureInfo.ReadOnly(culture);
    }
}
