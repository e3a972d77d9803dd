namespace JasKnowledge.Core.Content;

/// <summary>A mistake in one field of a version's text.</summary>
public sealed record ContentFieldError(string Field, string Message);

/// <summary>Which rule refused a change, so that a page can say it in its own words without comparing
/// messages.</summary>
public enum ContentRule
{
    Other,
    VersionMissing,
    DraftAlreadyOpen,
    NoDraft,
    NotADraft,
    MajorChangeNeedsNote,
    TitleRequired,
    NotPublished,
    InvalidVersionLabel,
    VersionLabelTaken,
    FieldRules,
    /// <summary>Someone else saved a change to the same item at the same moment (a double click, two editors).</summary>
    ChangedMeanwhile,
    /// <summary>A file version's release notes cannot be kept (<see cref="Assets.AssetRevision.ReleaseNotesProblem"/>).</summary>
    ReleaseNotes,
    /// <summary>A text to publish that is the published text itself: no new version is made.</summary>
    Unchanged,
}

/// <summary>A request that would break a rule of the content core (for example publishing a version
/// that is not a draft) or of a content type's fields. The message is written for the editor who
/// asked; <see cref="Rule"/> says which rule it was and <see cref="Errors"/> which field is wrong when a
/// type's rules refused the text.</summary>
public sealed class ContentRuleException(string message, IReadOnlyList<ContentFieldError>? errors = null, ContentRule rule = ContentRule.Other)
    : Exception(message)
{
    public ContentRuleException(ContentRule rule, string message) : this(message, null, rule) { }

    public ContentRule Rule { get; } = errors is { Count: > 0 } ? ContentRule.FieldRules : rule;
    public IReadOnlyList<ContentFieldError> Errors { get; } = errors ?? [];
}
