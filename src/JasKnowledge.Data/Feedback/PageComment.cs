namespace JasKnowledge.Data.Feedback;

/// <summary>What a visitor wrote about a page after answering its question: kept <see cref="PageFeedbackLog.KeptDays"/> days,
/// and an editor can remove it sooner (a visitor may write personal data despite the page asking not to).</summary>
public sealed class PageComment
{
    public long Id { get; set; }
    public string Path { get; set; } = "";
    public string Culture { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
