namespace JasKnowledge.Core.Content;

/// <summary>One numbered version of a content item. Published versions are never edited; a change
/// is a new version.</summary>
public sealed class ContentVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ItemId { get; init; }
    public int Number { get; init; }
    public VersionState State { get; internal set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Body { get; set; }
    /// <summary>Type-specific fields as a JSON object.</summary>
    public string? Fields { get; set; }
    public string? ChangeNote { get; set; }
    public bool IsMajor { get; set; }
    /// <summary>For a translation: the source-culture version number it was translated from.</summary>
    public int? SourceVersion { get; set; }
    public required string Author { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? PublishedUtc { get; internal set; }

    internal void Apply(VersionText text)
    {
        text.CheckFields();
        Title = text.Title;
        Summary = text.Summary;
        Body = text.Body;
        Fields = text.Fields;
        ChangeNote = text.ChangeNote;
        IsMajor = text.IsMajor;
        SourceVersion = text.SourceVersion;
    }

    /// <summary>What a reader compares between two versions: the title as a heading, the summary and the text. The public
    /// versions page and the back office's history show the same changes (the history once left out the summary).</summary>
    public string ComparableText() =>
        string.IsNullOrWhiteSpace(Summary) ? $"# {Title}\n\n{Body}" : $"# {Title}\n\n{Summary}\n\n{Body}";

    public VersionText ToText() => new(Title, Body, Summary, Fields, ChangeNote, IsMajor, SourceVersion);
}
