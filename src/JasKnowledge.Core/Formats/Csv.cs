using System.Text;

namespace JasKnowledge.Core.Formats;

/// <summary>Comma-separated values as RFC 4180 has them: fields with a comma, quote or line break are
/// quoted and quotes doubled. Enough for the CBS list and every export; no library needed.</summary>
public static class Csv
{
    /// <summary>Splits CSV text into records of fields (CRLF or LF line ends, quoted fields may span lines).</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                any = false;
            }
            else field.Append(ch);
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    /// <summary>One record, fields escaped as needed, ended with CRLF.</summary>
    public static string Line(IEnumerable<string?> fields) =>
        string.Join(",", fields.Select(Escape)) + "\r\n";

    private static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>UTF-8 with a byte-order mark, so that spreadsheet programs read names like Fryslân correctly.</summary>
    public static byte[] ToBytes(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
