using System.Globalization;

namespace JasKnowledge.Core.Search;

/// <summary>
/// One part of a query: a word, a prefix (<c>gespr*</c>), a quoted phrase, or any of these excluded
/// with a leading minus. <see cref="Words"/> are as typed (split on what is not a letter or digit);
/// the engine analyses them the way it analysed the documents.
/// </summary>
public sealed record SearchClause(IReadOnlyList<string> Words, bool LastIsPrefix, bool IsExcluded)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>
/// A visitor's search text, parsed forgivingly: any string is a valid query. Quotes make phrases,
/// a leading <c>-</c> excludes, a trailing <c>*</c> asks for a prefix; everything else that is not a
/// letter or digit separates words. The engine builds its query from these clauses, never from the
/// text, so no operator, bracket or control character can reach an engine's query language.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxClauses = 12;
    public const int MaxPhraseWords = 8;
    /// <summary>Longer text is cut (and the visitor told): nobody types more, and a pasted page would
    /// only cost time.</summary>
    public const int MaxLength = 200;
    /// <summary>Longer "words" are noise (hashes, pasted URLs) and are not searched.</summary>
    public const int MaxWordLength = 60;

    private SearchQuery(string text, IReadOnlyList<SearchClause> clauses, bool wasCut)
    {
        Text = text;
        Clauses = clauses;
        WasCut = wasCut;
    }

    /// <summary>The text as typed (trimmed, and cut to <see cref="MaxLength"/>), for showing back.</summary>
    public string Text { get; }
    public IReadOnlyList<SearchClause> Clauses { get; }
    /// <summary>True when the text was longer than <see cref="MaxLength"/> and only its start was searched.</summary>
    public bool WasCut { get; }
    public IEnumerable<SearchClause> Included => Clauses.Where(c => !c.IsExcluded);
    public IEnumerable<SearchClause> Excluded => Clauses.Where(c => c.IsExcluded);

    /// <summary>A query can be run when at least one clause is not an exclusion.</summary>
    public bool HasTerms => Included.Any();

    public static SearchQuery Parse(string? text)
    {
        text = (text ?? "").Trim();
        var wasCut = text.Length > MaxLength;
        if (wasCut)
        {
            // Never cut a surrogate pair in two.
            var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..length].TrimEnd();
        }
        var clauses = new List<SearchClause>();
        foreach (var chunk in Chunks(text))
        {
            if (clauses.Count == MaxClauses) break;
            var words = Words(chunk.Text).Take(MaxPhraseWords).ToList();
            if (words.Count == 0) continue;
            clauses.Add(new SearchClause(words, chunk.IsPrefix, chunk.IsExcluded));
        }
        return new SearchQuery(text, clauses, wasCut);
    }

    /// <summary>The words of a text: runs of letters, digits and marks; zero-width joiners and soft
    /// hyphens stay inside a word (Persian uses them often). A lone surrogate is never part of a word.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && WordCharLength(text, i) == 0) i++;
            var start = i;
            while (i < text.Length)
            {
                var length = IsJoiner(text[i]) ? 1 : WordCharLength(text, i);
                if (length == 0) break;
                i += length;
            }
            var word = text[start..i];
            if (word.Length > 0 && word.Length <= MaxWordLength && word.Any(c => !IsJoiner(c))) yield return word;
        }
    }

    private static int WordCharLength(string text, int i)
    {
        var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsSurrogate(text[i]) && !pair) return 0;
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        var isWord = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
        return isWord ? (pair ? 2 : 1) : 0;
    }

    private static bool IsJoiner(char c) => c is '\u200C' or '\u200D' or '\u00AD';

    private readonly record struct Chunk(string Text, bool IsExcluded, bool IsPrefix);

    /// <summary>Splits on white space outside quotes; an unclosed quote runs to the end.</summary>
    private static IEnumerable<Chunk> Chunks(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded) i++;
            if (IsQuote(text[i]))
            {
                var start = ++i;
                while (i < text.Length && !IsQuote(text[i])) i++;
                var phrase = text[start..i];
                if (i < text.Length) i++;
                yield return new Chunk(phrase, excluded, phrase.TrimEnd().EndsWith('*'));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i])) i++;
                var word = text[start..i];
                yield return new Chunk(word, excluded, word.EndsWith('*'));
            }
        }
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '„';
}
