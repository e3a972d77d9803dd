namespace JasKnowledge.Core.Modules;

/// <summary>
/// A text with a format of its own that sits next to a content file (<c>name.culture.vtt</c> next to
/// <c>name.culture.md</c>) and is stored in one field of the item's version, so that it is versioned and
/// translated with the item. The feature that owns the format registers it, with the check that
/// refuses a broken file: it returns the line and message of the first problem, or null.
/// </summary>
public sealed record CompanionFile(string Extension, string Field, Func<string, (int Line, string Message)?> Check);
