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

    /// <summary>Refuses a text whose title, summary or change note is longer than a version keeps, whose title is more than
    /// one line, or whose fields hold a control that turns the reading direction (<see cref="Formats.DirectionOverrides"/>) or
    /// an invisible control character (<see cref="Formats.ControlCharacters"/>), naming each field. The type-specific fields
    /// are JSON: each of their texts is checked, as written or as an escape.</summary>
    public void CheckFields()
    {
        var errors = new List<ContentFieldError>();
        // A title is one line everywhere it appears: a heading, a link, a feed entry, an e-mail's subject.
        if (Formats.ControlCharacters.HasLineBreak(Title)) errors.Add(new("title", "Titel: één regel, zonder regeleinde."));
        else Check(errors, "title", "Titel", Title, MaxTitle);
        Check(errors, "summary", "Samenvatting", Summary, MaxSummary);
        Check(errors, "changeNote", "Wat veranderde er", ChangeNote, MaxChangeNote);
        Check(errors, "body", "Tekst", Body, int.MaxValue);
        foreach (var text in Formats.JsonTexts.Of(Fields))
        {
            if (Formats.DirectionOverrides.First(text) is { } control) errors.Add(new("fields", Formats.DirectionOverrides.Problem($"Velden (\"{Excerpt(text)}\")", control)));
            else if (Formats.ControlCharacters.First(text) is { } invisible) errors.Add(new("fields", Formats.ControlCharacters.Problem($"Velden (\"{Excerpt(text)}\")", invisible)));
            else continue;
            break;
        }
        if (errors.Count > 0) throw new ContentRuleException(string.Join(" ", errors.Select(e => e.Message)), errors);
    }

    private static void Check(List<ContentFieldError> errors, string field, string label, string? value, int max)
    {
        if (value is { Length: var length } && length > max) errors.Add(new(field, $"{label}: hoogstens {max} tekens (nu {length})."));
        else if (Formats.DirectionOverrides.First(value) is { } control) errors.Add(new(field, Formats.DirectionOverrides.Problem(label, control)));
        else if (Formats.ControlCharacters.First(value) is { } invisible) errors.Add(new(field, Formats.ControlCharacters.Problem(label, invisible)));
    }

    /// <summary>Enough of a field's text to find it in the form, without the characters that are refused.</summary>
    private static string Excerpt(string text)
    {
        var visible = new string(text.Where(c => !char.IsControl(c) && c is < '\u202A' or > '\u202E').ToArray()).Trim();
        return visible.Length <= 40 ? visible : visible[..40] + "…";
    }

    /// <summary>True when the text a reader sees is the same (change notes and flags aside).</summary>
    public bool SameContentAs(ContentVersion version) =>
        Title == version.Title && Body == version.Body && Summary == version.Summary &&
        Fields == version.Fields && SourceVersion == version.SourceVersion;
}
