using System.Text;

namespace JasKnowledge.Core.Search;

/// <summary>
/// The Snowball stemmer for Dutch (the original algorithm by Martin Porter), so that "gesprekken" and
/// "gesprek", "verklaringen" and "verklaring" meet in one index term. Input is a lower-case word whose
/// diacritics are already folded (see <see cref="TextAnalyzer"/>).
/// </summary>
public static class DutchStemmer
{
    public static string Stem(string word)
    {
        if (word.Length < 3 || !word.All(char.IsAsciiLetterLower)) return word;
        var w = new StringBuilder(word);
        MarkConsonantYAndI(w);

        var r1 = RegionAfterVowelConsonant(w, 0);
        if (r1 < 3) r1 = Math.Min(3, w.Length);
        var r2 = RegionAfterVowelConsonant(w, r1);

        // Step 1: -heden, -en/-ene, -s/-se
        if (EndsWith(w, "heden"))
        {
            if (w.Length - 5 >= r1) { w.Length -= 5; w.Append("heid"); }
        }
        else if (EndsWith(w, "ene") || EndsWith(w, "en"))
        {
            var length = EndsWith(w, "ene") ? 3 : 2;
            if (w.Length - length >= r1 && IsValidEnEnding(w, w.Length - length))
            {
                w.Length -= length;
                Undouble(w);
            }
        }
        else if (EndsWith(w, "se") || EndsWith(w, "s"))
        {
            var length = EndsWith(w, "se") ? 2 : 1;
            if (w.Length - length >= r1 && IsValidSEnding(w, w.Length - length)) w.Length -= length;
        }

        // Step 2: -e
        var removedE = false;
        if (EndsWith(w, "e") && w.Length - 1 >= r1 && w.Length >= 2 && !IsVowel(w[^2]))
        {
            w.Length -= 1;
            removedE = true;
            Undouble(w);
        }

        // Step 3a: -heid
        if (EndsWith(w, "heid") && w.Length - 4 >= r2 && (w.Length < 5 || w[^5] != 'c'))
        {
            w.Length -= 4;
            if (EndsWith(w, "en") && w.Length - 2 >= r1 && IsValidEnEnding(w, w.Length - 2))
            {
                w.Length -= 2;
                Undouble(w);
            }
        }

        // Step 3b: derivational suffixes
        if (EndsWith(w, "end") || EndsWith(w, "ing"))
        {
            if (w.Length - 3 >= r2)
            {
                w.Length -= 3;
                if (EndsWith(w, "ig") && w.Length - 2 >= r2 && (w.Length < 3 || w[^3] != 'e')) w.Length -= 2;
                else Undouble(w);
            }
        }
        else if (EndsWith(w, "ig"))
        {
            if (w.Length - 2 >= r2 && (w.Length < 3 || w[^3] != 'e')) w.Length -= 2;
        }
        else if (EndsWith(w, "lijk"))
        {
            if (w.Length - 4 >= r2)
            {
                w.Length -= 4;
                if (EndsWith(w, "e") && w.Length - 1 >= r1 && w.Length >= 2 && !IsVowel(w[^2]))
                {
                    w.Length -= 1;
                    Undouble(w);
                }
            }
        }
        else if (EndsWith(w, "baar"))
        {
            if (w.Length - 4 >= r2) w.Length -= 4;
        }
        else if (EndsWith(w, "bar"))
        {
            if (w.Length - 3 >= r2 && removedE) w.Length -= 3;
        }

        // Step 4: undouble a vowel in a closing syllable (maan → man)
        if (w.Length >= 4)
        {
            char c = w[^4], v1 = w[^3], v2 = w[^2], d = w[^1];
            if (!IsVowel(c) && v1 == v2 && v1 is 'a' or 'e' or 'o' or 'u' && !IsVowel(d) && d != 'I')
                w.Remove(w.Length - 2, 1);
        }

        for (var i = 0; i < w.Length; i++)
            if (w[i] is 'I' or 'Y') w[i] = char.ToLowerInvariant(w[i]);
        return w.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>An initial y, a y after a vowel, and an i between vowels act as consonants.</summary>
    private static void MarkConsonantYAndI(StringBuilder w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1]))) w[i] = 'Y';
            else if (w[i] == 'i' && i > 0 && i < w.Length - 1 && IsVowel(w[i - 1]) && IsVowel(w[i + 1])) w[i] = 'I';
        }
    }

    private static int RegionAfterVowelConsonant(StringBuilder w, int start)
    {
        for (var i = start + 1; i < w.Length; i++)
            if (!IsVowel(w[i]) && IsVowel(w[i - 1])) return i + 1;
        return w.Length;
    }

    private static bool EndsWith(StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length) return false;
        for (var i = 0; i < suffix.Length; i++)
            if (w[w.Length - suffix.Length + i] != suffix[i]) return false;
        return true;
    }

    private static bool IsValidSEnding(StringBuilder w, int at) => at > 0 && !IsVowel(w[at - 1]) && w[at - 1] != 'j';

    private static bool IsValidEnEnding(StringBuilder w, int at) =>
        at > 0 && !IsVowel(w[at - 1]) && !(at >= 3 && w[at - 3] == 'g' && w[at - 2] == 'e' && w[at - 1] == 'm');

    private static void Undouble(StringBuilder w)
    {
        if (w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'k' or 'd' or 't') w.Length -= 1;
    }
}
