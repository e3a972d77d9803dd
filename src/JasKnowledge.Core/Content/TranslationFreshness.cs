namespace JasKnowledge.Core.Content;

/// <summary>Where a translation stands against the source-language text it was made from.</summary>
public enum TranslationState
{
    /// <summary>Made from the source version that is published now.</summary>
    Current,
    /// <summary>The source text has a newer version than the one translated, or the translation does
    /// not say which version it was made from.</summary>
    Outdated,
    /// <summary>There is no translation in this language.</summary>
    Missing,
}

public static class TranslationFreshness
{
    /// <param name="sourceVersion">The number of the source-language version published now.</param>
    /// <param name="translation">The published translation, or null when there is none.</param>
    public static TranslationState Of(int sourceVersion, ContentVersion? translation) => translation switch
    {
        null => TranslationState.Missing,
        { SourceVersion: { } from } when from >= sourceVersion => TranslationState.Current,
        _ => TranslationState.Outdated,
    };
}
