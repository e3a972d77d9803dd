namespace JasKnowledge.Core.Search;

/// <summary>A light Arabic stemmer (after Larkey's "light10"): strips the article, a leading "and", and
/// common plural and possessive endings, so that "المقابلة" and "مقابلات" meet. Input is already
/// normalized by <see cref="TextAnalyzer"/> (no short vowels, one alef, ة as ه, ى as ي).</summary>
public static class ArabicStemmer
{
    private static readonly string[] Prefixes = ["وال", "بال", "كال", "فال", "لل", "ال"];
    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    public static string Stem(string word)
    {
        if (word.Length > 3 && word[0] == 'و') word = word[1..];
        foreach (var prefix in Prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= 2)
            {
                word = word[prefix.Length..];
                break;
            }
        }
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 2)
                word = word[..^suffix.Length];
        }
        return word;
    }
}
