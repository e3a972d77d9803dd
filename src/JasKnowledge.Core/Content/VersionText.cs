namespace JasKnowledge.Core.Content;

/// <summary>What an author writes for one version of an item.</summary>
/// <param name="Fields">Type-specific fields as a JSON object, or null.</param>
/// <param name="SourceVersion">For a translation: the number of the source-culture version it was made from.</param>
public sealed partial record VersionText(
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
    /// <summary>Ten times the longest text of the portal (a handbook chapter of about 9,000 characters), and at most this many
    /// headings: Markdig gives repeated headings their ids in quadratic time, and 20,000 of them held a core for a minute (attack h8).</summary>
    public const int MaxBody = 100_000, MaxHeadings = 500;

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
        if (BodyProblem(Body) is { } body) errors.Add(new("body", body));
        if (Formats.JsonTexts.Of(Fields).Select(text => Formats.HiddenCharacters.Problem($"Velden (\"{Visible(text)}\")", text))
                .FirstOrDefault(problem => problem is not null) is { } hidden)
            errors.Add(new("fields", hidden));
        if (errors.Count > 0) throw new ContentRuleException(string.Join(" ", errors.Select(e => e.Message)), errors);
    }

    /// <summary>Why a text cannot be kept or shown (too long, too many headings, nested past Markdig's limit, a hidden character),
    /// cheapest first: the preview asks before it renders anything.</summary>
    public static string? BodyProblem(string? body)
    {
        var errors = new List<ContentFieldError>();
        Check(errors, "body", "Tekst", body, MaxBody);
        if (errors.Count > 0) return errors[0].Message;
        if (HeadingLines().Count(body ?? "") is var headings and > MaxHeadings)
            return $"Tekst: hoogstens {MaxHeadings} koppen (nu {headings}). Er is niets opgeslagen.";
        return Markdown.MarkdownRenderer.NestingProblem(body);
    }

    // An upper bound of the headings Markdig would find: ATX lines and setext underlines (a rule line counts too, which only errs
    // on the safe side).
    [System.Text.RegularExpressions.GeneratedRegex(@"^ {0,3}(#{1,6}(\s|$)|=+[ \t]*$|-+[ \t]*$)", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex HeadingLines();

    private static void Check(List<ContentFieldError> errors, string field, string label, string? value, int max)
    {
        if (value is { Length: var length } && length > max) errors.Add(new(field, $"{label}: hoogstens {max} tekens (nu {length})."));
        else if (Formats.HiddenCharacters.Problem(label, value) is { } hidden) errors.Add(new(field, hidden));
    }

    /// <summary>Enough of a field's text to find it in the form, without the characters that are refused.</summary>
    private static string Visible(string text) =>
        Formats.Excerpt.Of(new string(text.Where(c => !char.IsControl(c) && c is < '\u202A' or > '\u202E').ToArray()).Trim(), 40);

    /// <summary>True when the text a reader sees is the same (change notes and flags aside).</summary>
    public bool SameContentAs(ContentVersion version) =>
        Title == version.Title && Body == version.Body && Summary == version.Summary &&
        Fields == version.Fields && SourceVersion == version.SourceVersion;
}
