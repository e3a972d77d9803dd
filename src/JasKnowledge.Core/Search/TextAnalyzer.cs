using System.Globalization;
using System.Text;

namespace JasKnowledge.Core.Search;

/// <summary>A word of a text: where it is (for snippets) and its folded form.</summary>
public readonly record struct TextToken(int Start, int Length, string Folded);

/// <summary>
/// Turns text into search terms, the same way for documents and queries, and the same way on SQLite
/// and PostgreSQL: the databases only ever see terms made here. Folding ignores case and Latin
/// diacritics (café = cafe), Arabic short vowels and letter variants; stemming is per language.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Longer "words" are noise (hashes, pasted URLs) and are not indexed.</summary>
    public const int MaxWordLength = 60;

    /// <summary>Stems shorter than this are never matched as the last part of a compound.</summary>
    public const int MinCompoundPart = 4;

    /// <summary>The languages with their own stemmer; any other language uses folding alone.</summary>
    public static readonly IReadOnlyList<string> StemmingCultures = ["nl", "en", "ar"];

    public static IEnumerable<TextToken> Tokenize(string text)
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
            if (i == start) continue;
            var folded = Fold(text.AsSpan(start, i - start));
            if (folded.Length is > 0 and <= MaxWordLength) yield return new TextToken(start, i - start, folded);
        }
    }

    /// <summary>The folded words of a text, in order.</summary>
    public static IEnumerable<string> Words(string text) => Tokenize(text).Select(t => t.Folded);

    public static string Stem(string folded, string culture) => culture switch
    {
        "nl" => DutchStemmer.Stem(folded),
        "en" => EnglishStemmer.Stem(folded),
        "ar" => ArabicStemmer.Stem(folded),
        _ => folded,
    };

    /// <summary>The terms a query word may have been indexed as: its stem in the given language, or in
    /// any language when none is given.</summary>
    public static IReadOnlyList<string> Forms(string folded, string? culture) =>
        culture is not null
            ? [Stem(folded, culture)]
            : StemmingCultures.Select(c => Stem(folded, c)).Append(folded).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Compounds are matched by their last parts (Dutch compounds end in their head:
    /// Participatieverklaring is a verklaring). A Latin-script stem is indexed reversed as well, so
    /// that "ends with" becomes a prefix match, which both databases do fast.</summary>
    public static bool CanBeCompound(string stem) => stem.Length >= MinCompoundPart + 2 && IsLatin(stem);

    public static bool CanBeCompoundPart(string stem) => stem.Length >= MinCompoundPart && IsLatin(stem);

    public static string Reverse(string term)
    {
        var chars = term.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static bool IsLatin(string term) => term.All(char.IsAsciiLetterOrDigit);

    /// <summary>How many chars the letter, digit or mark at i takes (2 for a surrogate pair), or 0 when
    /// it is not part of a word. A lone surrogate is never part of a word.</summary>
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

    /// <summary>Zero-width (non-)joiners and soft hyphens sit inside words (Persian uses them often).</summary>
    private static bool IsJoiner(char c) => c is '\u200C' or '\u200D' or '\u00AD';

    private static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastBase = '\0';
        foreach (var c in decomposed)
        {
            if (IsJoiner(c) || c == '\u0640') continue; // joiners, Arabic tatweel
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Latin accents and Arabic short vowels are dropped; marks of other scripts
                // (Cyrillic й, Ethiopic) change the letter and are kept.
                if (lastBase < '\u0250' || lastBase is >= '\u0600' and <= '\u06FF') continue;
                builder.Append(c);
                continue;
            }
            lastBase = c;
            builder.Append(FoldLetter(c));
        }
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static char FoldLetter(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' or 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        'ß' => 's',
        _ => c,
    };
}
