namespace JasKnowledge.Core.Modules;

/// <summary>One part of a translated field: the text a translator writes as one unit, and what they need to know to write
/// it (when a subtitle shows, how much fits).</summary>
public sealed record FieldPart(string Text, string Context);

/// <summary>
/// A type-specific field that is translated with the item's text, part by part (a film's subtitles cue by cue). The module
/// that owns the field says how its text splits into parts, how translated parts go back together on the structure of the
/// Dutch field (a subtitle keeps the Dutch film's times), and what a part's translation must respect. The XLIFF exchange and
/// the back office's editor work through this, knowing nothing of films.
/// </summary>
public abstract class TranslatedField(string type, string name, string label)
{
    public string Type => type;
    /// <summary>The field's name in the version's fields.</summary>
    public string Name => name;
    /// <summary>What editors call it ("Ondertitels").</summary>
    public string Label => label;

    /// <summary>The parts of a field's text, in order.</summary>
    public abstract IReadOnlyList<FieldPart> Parts(string text);

    /// <summary>The field's text in a translation: <paramref name="dutch"/>'s structure with <paramref name="parts"/> in place
    /// of its parts (as many as it has).</summary>
    public abstract string Join(string dutch, IReadOnlyList<string> parts);

    /// <summary>Why <paramref name="translation"/> cannot stand for part <paramref name="index"/> of <paramref name="dutch"/>, or null.</summary>
    public abstract string? Problem(string dutch, int index, string translation);
}
