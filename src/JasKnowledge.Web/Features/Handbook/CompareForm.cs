namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The form to pick two editions, with the pair that is preselected.</summary>
public sealed record CompareForm(string Culture, IReadOnlyList<HandbookEdition> Editions, string? Older, string? Newer)
{
    /// <summary>By default the newest edition against the one before it.</summary>
    public static CompareForm For(string culture, IReadOnlyList<HandbookEdition> editions, string? older = null, string? newer = null) =>
        new(culture, editions, older ?? (editions.Count > 1 ? editions[1].Version : null), newer ?? editions.FirstOrDefault()?.Version);
}
