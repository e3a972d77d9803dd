namespace JasKnowledge.Core.Content;

/// <summary>Where a translation stands against the source-language text it was made from.</summary>
public enum TranslationState
{
    /// <summary>Made from the source version published now, or from an older one that only minor
    /// edits (typos, punctuation, a link) separate from it.</summary>
    Current,
    /// <summary>The source text had a major change after the version translated, or the translation
    /// does not say which version it was made from.</summary>
    Outdated,
    /// <summary>There is no translation in this language.</summary>
    Missing,
}

public static class TranslationFreshness
{
    /// <param name="neededFrom">The oldest source version a translation may be made from and still be
    /// current (see <see cref="NeededFrom"/>).</param>
    /// <param name="translation">The published translation, or null when there is none.</param>
    public static TranslationState Of(int neededFrom, ContentVersion? translation) => translation switch
    {
        null => TranslationState.Missing,
        { SourceVersion: { } from } when from >= neededFrom => TranslationState.Current,
        _ => TranslationState.Outdated,
    };

    /// <summary>The newest source version that was published as a major change: a translation made
    /// from it or later is current, because what came after were minor edits that translators need
    /// not follow. 0 when the source never had a major change. Drafts do not count: nobody has read them.</summary>
    public static int NeededFrom(IEnumerable<ContentVersion> sourceVersions) =>
        sourceVersions.Where(v => v.State != VersionState.Draft && v.IsMajor).Select(v => v.Number).DefaultIfEmpty(0).Max();
}
