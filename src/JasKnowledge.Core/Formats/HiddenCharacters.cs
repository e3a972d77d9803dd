namespace JasKnowledge.Core.Formats;

/// <summary>What no field may hide: a control that turns the reading direction (<see cref="DirectionOverrides"/>) or an
/// invisible control character (<see cref="ControlCharacters"/>). One refusal, the same for every field that checks it.</summary>
public static class HiddenCharacters
{
    /// <summary>Whether the text has a character a reader sees: not only spaces, zero-width characters or direction marks.</summary>
    public static bool HasVisible(string text) => text.Any(c => !char.IsWhiteSpace(c)
        && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));

    /// <summary>The refusal for the first such character in <paramref name="text"/>, with the field's label, or null.</summary>
    public static string? Problem(string label, string? text) =>
        DirectionOverrides.First(text) is { } control ? DirectionOverrides.Problem(label, control)
        : ControlCharacters.First(text) is { } invisible ? ControlCharacters.Problem(label, invisible)
        : null;
}
