namespace JasKnowledge.Core.Content;

/// <summary>What an author writes for one version of an item.</summary>
/// <param name="Fields">Type-specific fields as a JSON object, or null.</param>
/// <param name="SourceVersion">For a translation: the number of the source-culture version it was made from.</param>
public sealed record VersionText(
    string Title,
    string Body,
    string? Summary = null,
    string? Fields = null,
    string? ChangeNote = null,
    bool IsMajor = false,
    int? SourceVersion = null)
{
    /// <summary>The longest title, summary and change note a version keeps (the database's columns; SQLite would keep
    /// more, PostgreSQL refuses more, so the rule is here for both).</summary>
    public const int MaxTitle = 400, MaxSummary = 2000, MaxChangeNote = 2000;

    /// <summary>Refuses a text whose title, summary or change note is longer than a version keeps, or holds a control that
    /// turns its reading direction (<see cref="Formats.DirectionOverrides"/>), naming each field.</summary>
    public void CheckFields()
    {
        var errors = new List<ContentFieldError>();
        Check(errors, "title", "Titel", Title, MaxTitle);
        Check(errors, "summary", "Samenvatting", Summary, MaxSummary);
        Check(errors, "changeNote", "Wat veranderde er", ChangeNote, MaxChangeNote);
        if (errors.Count > 0) throw new ContentRuleException(string.Join(" ", errors.Select(e => e.Message)), errors);
    }

    private static void Check(List<ContentFieldError> errors, string field, string label, string? value, int max)
    {
        if (value is { Length: var length } && length > max) errors.Add(new(field, $"{label}: hoogstens {max} tekens (nu {length})."));
        else if (Formats.DirectionOverrides.First(value) is { } control) errors.Add(new(field, Formats.DirectionOverrides.Problem(label, control)));
    }

    /// <summary>True when the text a reader sees is the same (change notes and flags aside).</summary>
    public bool SameContentAs(ContentVersion version) =>
        Title == version.Title && Body == version.Body && Summary == version.Summary &&
        Fields == version.Fields && SourceVersion == version.SourceVersion;
}
