namespace JasKnowledge.Data.Feedback;

/// <summary>How often visitors answered "Heb je iets aan deze pagina?" with yes and with no, for one page on one day. No
/// visitor, address or time of day is kept.</summary>
public sealed class PageFeedbackCount
{
    /// <summary>The day in UTC as yyyy-MM-dd: text, so both engines compare and group it alike.</summary>
    public string Day { get; set; } = "";
    /// <summary>The page's path, its language first (/ar/informatie/je-mentor).</summary>
    public string Path { get; set; } = "";
    public string Culture { get; set; } = "";
    public int Useful { get; set; }
    public int NotUseful { get; set; }
}
