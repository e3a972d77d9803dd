namespace JasKnowledge.Core.Formats;

/// <summary>How a message repeats what someone typed or named: whole when it is short, otherwise its
/// beginning and "…", so that a refusal of 9,000 characters does not repeat them all.</summary>
public static class Excerpt
{
    /// <summary>At most <paramref name="max"/> characters of the value and "…" after a cut; a cut never
    /// splits a character written as two UTF-16 units (an emoji, a rare script), which would show as "�".</summary>
    public static string Of(string? value, int max)
    {
        if (value is null) return "";
        if (value.Length <= max) return value;
        var cut = max > 0 && char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
