using CsvHelper;

namespace JasKnowledge.Core.Formats;

/// <summary>Every CSV the portal reads or writes, through CsvHelper (RFC 4180). Exports carry one guard:
/// a text cell that starts with =, +, -, @, tab or CR gets a leading apostrophe, so a spreadsheet shows
/// it as text instead of running it as a formula (OWASP's advice on CSV injection).</summary>
public static class Csv
{
    private static readonly CsvReaderOptions ReadOptions = CsvReaderOptions.Default with
    {
        HasHeader = false,
        Separator = ',',
        // The CBS list and hand-made files may end a record early; callers check the fields they need.
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    // UTF-8 with a byte-order mark, so that spreadsheet programs read names like Fryslân correctly.
    private static readonly CsvWriterOptions ExportOptions = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <summary>Splits CSV text into records of fields (CRLF or LF line ends, quoted fields may span lines).</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader text)
    {
        using var reader = CsvReader.Create(text, ReadOptions, leaveOpen: true);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            yield return fields;
        }
    }

    /// <summary>An export: the header, then the records, each with as many fields as the header.</summary>
    public static byte[] Export(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> records)
    {
        using var bytes = new MemoryStream();
        using (var writer = CsvWriter.Create(bytes, ExportOptions, leaveOpen: true))
        {
            writer.WriteRecord(header.ToArray());
            foreach (var record in records) writer.WriteRecord(record.Select(field => field ?? "").ToArray());
        }
        return bytes.ToArray();
    }
}
