using System.Text;
using System.Text.RegularExpressions;
using JasKnowledge.Core.Search;
using JasKnowledge.Data.Search;

namespace JasKnowledge.Web.Features.Search;

/// <summary>
/// Counts this node's searches in memory until <see cref="SearchQueryFlush"/> adds them to the database: a
/// search costs a dictionary entry, not a write. Only a first page counts (paging on is the same search).
/// The text is kept only when it cannot hold personal data as far as a rule can tell: no e-mail address,
/// no web address, no run of five or more digits (a BSN, a phone or client number, an IBAN), at most
/// <see cref="MaxLength"/> characters; other searches are counted under <see cref="SearchQueryLog.NotKept"/>,
/// as are new queries beyond <see cref="MaxDistinct"/> between two flushes (a flood of made-up words).
/// </summary>
public sealed partial class SearchQueryRecorder
{
    public const int MaxLength = 80;
    public const int MaxDistinct = 2_000;
    private const int DigitsKept = 4;

    private readonly Lock _gate = new();
    private Dictionary<(string Culture, string Query), Tally> _tallies = [];

    private sealed class Tally
    {
        public int Searches;
        public int WithoutResults;
    }

    /// <param name="culture">The language the visitor searched in; null for the API without one.</param>
    public void Record(SearchQuery query, string? culture, bool foundNothing)
    {
        if (!query.HasTerms) return;
        Add(culture ?? "", Recordable(query.Text) ?? SearchQueryLog.NotKept, 1, foundNothing ? 1 : 0);
    }

    /// <summary>Takes what was counted since the last call.</summary>
    public IReadOnlyList<SearchQueryTally> Drain()
    {
        Dictionary<(string Culture, string Query), Tally> taken;
        lock (_gate) (taken, _tallies) = (_tallies, []);
        return taken.Select(t => new SearchQueryTally(t.Key.Culture, t.Key.Query, t.Value.Searches, t.Value.WithoutResults)).ToList();
    }

    /// <summary>Gives back tallies that could not be written (the database was away), to go with the next flush.</summary>
    public void Restore(IEnumerable<SearchQueryTally> tallies)
    {
        foreach (var tally in tallies) Add(tally.Culture, tally.Query, tally.Searches, tally.WithoutResults);
    }

    /// <summary>The text as it is kept (spaces collapsed, lower case), or null when it is not kept.</summary>
    public static string? Recordable(string text)
    {
        // Most queries are already single-spaced: no new string for them (a search is counted on every first page).
        var kept = (IsSingleSpaced(text) ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToLowerInvariant();
        if (kept.Length is 0 or > MaxLength || !IsStorable(kept)) return null;
        return MayHoldPersonalData(kept) ? null : kept;
    }

    /// <summary>Judged on the text's compatibility form (NFKC), in which 𝟏𝟐𝟑𝟒𝟓 and １２３４５ are digits and ＠ is an at sign: the
    /// attack of 6 December 2026 had such a number, a domain without www, an address written as (at) or %40 stored.</summary>
    private static bool MayHoldPersonalData(string kept)
    {
        var plain = kept.IsNormalized(NormalizationForm.FormKC) ? kept : kept.Normalize(NormalizationForm.FormKC);
        return plain.Contains('@') || plain.Contains("%40", StringComparison.Ordinal) || plain.Contains("(at)", StringComparison.Ordinal)
            || plain.Contains("[at]", StringComparison.Ordinal) || plain.Contains("://", StringComparison.Ordinal)
            || plain.Contains("www.", StringComparison.Ordinal) || DomainName().IsMatch(plain) || HasLongNumber(plain);
    }

    /// <summary>A word, a dot and two letters or more (voorbeeld.nl/pad, gemeente.leiden.nl): a host name, or a file name,
    /// which is not kept either. Abbreviations (z.s.m., o.a.) have one letter after each dot.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]\.\p{L}{2,}")]
    private static partial Regex DomainName();

    /// <summary>PostgreSQL's text holds no null character and Npgsql writes no half surrogate pair: one such
    /// query would fail the whole minute's flush, every minute. Nobody types a control character either, nor a
    /// direction override, which would turn the text around in the editors' list.</summary>
    private static bool IsStorable(string text)
    {
        if (JasKnowledge.Core.Formats.DirectionOverrides.First(text) is not null) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i])) return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    private static bool IsSingleSpaced(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' ')) return false;
        return true;
    }

    /// <summary>Five digits or more in a row, also when spaces, dashes, dots or slashes are between them
    /// (06-12 34 56 78); digits of any script count (٠٦١٢٣٤٥٦٧٨).</summary>
    private static bool HasLongNumber(string text)
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]))
            {
                if (++digits > DigitsKept) return true;
            }
            else if (!(text[i] is ' ' or '-' or '.' or '/' && digits > 0 && i + 1 < text.Length && char.IsDigit(text[i + 1])))
                digits = 0;
        }
        return false;
    }

    private void Add(string culture, string query, int searches, int withoutResults)
    {
        lock (_gate)
        {
            if (!_tallies.TryGetValue((culture, query), out var tally))
            {
                if (_tallies.Count >= MaxDistinct) query = SearchQueryLog.NotKept;
                tally = _tallies.TryGetValue((culture, query), out var existing) ? existing : _tallies[(culture, query)] = new Tally();
            }
            tally.Searches += searches;
            tally.WithoutResults += withoutResults;
        }
    }
}
