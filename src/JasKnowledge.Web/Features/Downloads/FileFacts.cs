using System.Globalization;

namespace JasKnowledge.Web.Features.Downloads;

/// <summary>How a file is described to people: its size and its format in words they know.</summary>
public static class FileFacts
{
    /// <summary>"1,4 MB" in Dutch, "1.4 MB" in English: decimal units, as file managers show them. The number and
    /// its unit never part at a line's end (a no-break space), and on a right-to-left page they are isolated left to
    /// right, so "386٫7 kB" reads the same after an Arabic word as after "MP4" (the surrounding letters would
    /// otherwise decide whether the unit lands left or right of the number).</summary>
    public static string Size(long bytes, CultureInfo culture)
    {
        var size = bytes switch
        {
            < 1000 => string.Format(culture, "{0}\u00A0B", bytes),
            < 1_000_000 => string.Format(culture, "{0:0.#}\u00A0kB", bytes / 1e3),
            < 1_000_000_000 => string.Format(culture, "{0:0.#}\u00A0MB", bytes / 1e6),
            _ => string.Format(culture, "{0:0.##}\u00A0GB", bytes / 1e9),
        };
        return culture.TextInfo.IsRightToLeft ? LeftToRightIsolate + size + PopDirectionalIsolate : size;
    }

    private const char LeftToRightIsolate = '\u2066';
    private const char PopDirectionalIsolate = '\u2069';

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
