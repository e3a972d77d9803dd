namespace JasKnowledge.Core.Formats;

/// <summary>
/// Invisible control characters that no text of the portal needs: the C0 controls other than tab and line breaks (a
/// form feed, Word's soft line break U+000B, an escape), DEL, the C1 controls, the non-characters U+FFFE and U+FFFF, and
/// half a surrogate pair. XML 1.0 cannot hold most of them, so a title or release note with one broke the Atom feed and the
/// XLIFF export with a 500 once it was saved (the attack of 6 December 2026); elsewhere they are noise a reader cannot see.
/// </summary>
public static class ControlCharacters
{
    /// <summary>"U+000C" for the first such character, or null. Tab passes; CR and LF pass when <paramref name="lineBreaks"/>
    /// is true.</summary>
    public static string? First(string? text, bool lineBreaks = true)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
            if (Refused(text, i, lineBreaks)) return $"U+{(int)text[i]:X4}";
        return null;
    }

    /// <summary>Whether the text breaks its line anywhere: CR, LF, NEL and the Unicode line and paragraph separators, which a
    /// browser breaks at too.</summary>
    public static bool HasLineBreak(string? text) => text is not null && text.AsSpan().IndexOfAny(LineBreaks) >= 0;

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\u0085\u2028\u2029");

    /// <summary>The refusal for a field, in the editors' words.</summary>
    public static string Problem(string label, string control) =>
        $"{label}: bevat een onzichtbaar stuurteken ({control}), bijvoorbeeld een zachte regelovergang uit een tekstverwerker. "
        + "Haal het weg, of typ dat stuk opnieuw.";

    /// <summary>The text with each such character replaced by U+FFFD (line breaks and tab kept), for writing XML of text
    /// saved before the rule existed: a feed shows a replacement mark rather than failing as a whole.</summary>
    public static string ForXml(string text)
    {
        if (First(text) is null) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (Refused(text, i, lineBreaks: true)) chars[i] = '\uFFFD';
        return new string(chars);
    }

    private static bool Refused(string text, int i, bool lineBreaks) => text[i] switch
    {
        '\t' => false,
        '\r' or '\n' => !lineBreaks,
        < ' ' or '\u007F' or (>= '\u0080' and <= '\u009F') or '\uFFFE' or '\uFFFF' => true,
        var c when char.IsHighSurrogate(c) => i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]),
        var c when char.IsLowSurrogate(c) => i == 0 || !char.IsHighSurrogate(text[i - 1]),
        _ => false,
    };
}
