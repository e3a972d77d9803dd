namespace JasKnowledge.Core.Search;

/// <summary>Harman's "S" stemmer: plural forms meet their singular ("sessions" → "session"). Deliberately
/// light, so that English text is not over-stemmed into unrelated words.</summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length < 4 || !word.All(char.IsAsciiLetterLower)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal)
            && !word.EndsWith("aies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }
}
