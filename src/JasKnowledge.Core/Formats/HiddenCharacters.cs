namespace JasKnowledge.Core.Formats;

/// <summary>What no field may hide: a control that turns the reading direction (<see cref="DirectionOverrides"/>) or an
/// invisible control character (<see cref="ControlCharacters"/>). One refusal, the same for every field that checks it.</summary>
public static class HiddenCharacters
{
    /// <summary>The refusal for the first such character in <paramref name="text"/>, with the field's label, or null.</summary>
    public static string? Problem(string label, string? text) =>
        DirectionOverrides.First(text) is { } control ? DirectionOverrides.Problem(label, control)
        : ControlCharacters.First(text) is { } invisible ? ControlCharacters.Problem(label, invisible)
        : null;
}
