using System.Globalization;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>How a file is described to people: its size and its format in words they know.</summary>
public static class FileFacts
{
    /// <summary>"1,4 MB" in Dutch, "1.4 MB" in English: decimal units, as file managers show them.</summary>
    public static string Size(long bytes, CultureInfo culture) => bytes switch
    {
        < 1000 => string.Format(culture, "{0} B", bytes),
        < 1_000_000 => string.Format(culture, "{0:0.#} kB", bytes / 1e3),
        < 1_000_000_000 => string.Format(culture, "{0:0.#} MB", bytes / 1e6),
        _ => string.Format(culture, "{0:0.##} GB", bytes / 1e9),
    };

    public static string Format(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word (DOCX)",
        "application/vnd.oasis.opendocument.text" => "OpenDocument (ODT)",
        "text/csv" => "CSV",
        "application/json" or "application/geo+json" => "JSON",
        "video/mp4" => "MP4",
        "text/vtt" => "WebVTT",
        var other => other.Contains('/') ? other[(other.IndexOf('/') + 1)..].ToUpperInvariant() : other,
    };
}
