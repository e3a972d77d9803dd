namespace JasKnowledge.Core.Formats;

/// <summary>
/// The invisible Unicode controls that force a reading direction on the text after them: LRE, RLE, PDF, LRO and RLO
/// (U+202A–U+202E). In a title or a note they make text read as something it is not, on the page, in the audit log, in a
/// feed and in an alert e-mail ("Trojan Source"). Text that mixes directions needs none of them: the isolates
/// (U+2066–U+2069) and the marks (U+200E, U+200F) stay allowed, and HTML sets each element's direction itself.
/// </summary>
public static class DirectionOverrides
{
    /// <summary>"U+202E" for the first such control in the text, or null when it has none.</summary>
    public static string? First(string? text)
    {
        var at = text is null ? -1 : text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E');
        return at < 0 ? null : $"U+{(int)text![at]:X4}";
    }

    /// <summary>The refusal for a field, in the editors' words.</summary>
    public static string Problem(string label, string control) =>
        $"{label}: bevat een onzichtbaar teken dat de leesrichting omzet ({control}). Haal het weg; voor Nederlandse woorden in "
        + "Arabisch of Perzisch zijn de isolatietekens U+2066–U+2069 of geen teken genoeg.";
}
