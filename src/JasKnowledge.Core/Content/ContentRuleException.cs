namespace JasKnowledge.Core.Content;

/// <summary>A request that would break a rule of the content core (for example publishing a version
/// that is not a draft) or of a content type's fields. The message is written for the editor who
/// asked; <see cref="Errors"/> says which field is wrong when a type's rules refused the text.</summary>
public sealed class ContentRuleException(string message, IReadOnlyList<ContentFieldError>? errors = null) : Exception(message)
{
    public IReadOnlyList<ContentFieldError> Errors { get; } = errors ?? [];
}
