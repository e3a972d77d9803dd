namespace JasKnowledge.Core.Modules;

/// <summary>A field translated whole, as one line of text (a film's sentence saying what its pictures show).</summary>
public sealed class OneLineField(string type, string name, string label, int maxLength) : TranslatedField(type, name, label)
{
    public override IReadOnlyList<FieldPart> Parts(string text) => [new(text, $"{Label.ToLowerInvariant()}: één regel, hoogstens {maxLength} tekens")];

    public override string Join(string dutch, IReadOnlyList<string> parts) => parts.Single().Trim();

    public override string? Problem(string dutch, int index, string translation)
    {
        var text = translation.Trim();
        if (!Formats.HiddenCharacters.HasVisible(text)) return $"{Label} is leeg";
        if (Formats.HiddenCharacters.Problem(Label, text) is { } hidden) return hidden;
        if (Formats.ControlCharacters.HasLineBreak(text)) return $"{Label}: één regel, zonder regeleinde";
        return text.Length > maxLength ? $"{Label}: hoogstens {maxLength} tekens (nu {text.Length})" : null;
    }
}
