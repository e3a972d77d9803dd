using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>One unit to translate: the Dutch Markdown, the translation where one exists, its XLIFF state
/// (needs-translation, needs-review-translation, translated) and notes for context.</summary>
public sealed record XliffUnit(string Id, string Source, string? Target, string State, IReadOnlyList<string> Notes, int Line = 0);

/// <summary>One content item version in a file: the localization set, its type and the Dutch version
/// the units were taken from, so the import records what was translated. Interface strings are one item
/// of data type <see cref="XliffDocument.Resx"/>, without a version: each unit's source is checked instead.</summary>
public sealed record XliffItem(
    string Set, string Type, int SourceVersion, IReadOnlyList<XliffUnit> Units, int Line = 0, string DataType = XliffDocument.Markdown)
{
    public bool IsInterface => DataType == XliffDocument.Resx;
}

/// <summary>What is wrong with an XLIFF file, where: the unit (when known) and the line.</summary>
public sealed class XliffFormatException(string message, string? unit, int line) : Exception(message)
{
    public string? Unit { get; } = unit;
    public int Line { get; } = line;
}

/// <summary>
/// XLIFF 1.2 as translation tools exchange it: one &lt;file&gt; per content item version (original =
/// the item, jas:source-version = the Dutch version), one &lt;trans-unit&gt; per Markdown block, inline
/// Markdown as inline codes (<see cref="InlineCodes"/>).
/// </summary>
public static class XliffDocument
{
    public static readonly XNamespace Jas = "urn:jasknowledge:xliff";
    public const string Markdown = "x-markdown";
    /// <summary>XLIFF 1.2's data type for .NET resource files; units carry the string's name as resname.</summary>
    public const string Resx = "resx";
    private static XNamespace X => InlineCodes.Xliff;

    public static string Write(string sourceLanguage, string targetLanguage, IEnumerable<XliffItem> items)
    {
        var root = new XElement(X + "xliff", new XAttribute("version", "1.2"), new XAttribute(XNamespace.Xmlns + "jas", Jas.NamespaceName),
            items.Select(item => new XElement(X + "file",
                new XAttribute("original", item.Set),
                new XAttribute("source-language", sourceLanguage),
                new XAttribute("target-language", targetLanguage),
                new XAttribute("datatype", item.DataType),
                new XAttribute(Jas + "type", item.Type),
                item.IsInterface ? null : new XAttribute(Jas + "source-version", item.SourceVersion.ToString(CultureInfo.InvariantCulture)),
                new XElement(X + "body", item.Units.Select(unit => new XElement(X + "trans-unit",
                    new XAttribute("id", unit.Id),
                    item.IsInterface ? new XAttribute("resname", unit.Id) : null,
                    new XAttribute(XNamespace.Xml + "space", "preserve"),
                    // Text saved before the control-character rule gets a replacement mark: XML cannot hold it, and the whole
                    // export failed with it.
                    new XElement(X + "source", InlineCodes.ToXliff(JasKnowledge.Core.Formats.ControlCharacters.ForXml(unit.Source))),
                    unit.Target is null
                        ? new XElement(X + "target", new XAttribute("state", unit.State))
                        : new XElement(X + "target", new XAttribute("state", unit.State),
                            InlineCodes.ToXliff(JasKnowledge.Core.Formats.ControlCharacters.ForXml(unit.Target), JasKnowledge.Core.Formats.ControlCharacters.ForXml(unit.Source))),
                    unit.Notes.Select(n => new XElement(X + "note", JasKnowledge.Core.Formats.ControlCharacters.ForXml(n)))))))));
        Indent(root, 0);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        using var writer = new Utf8StringWriter();
        // The writer's own indentation would put a line break and spaces before a source or target that
        // starts with an inline code (**bold**: …), which then no longer equals the Dutch text it came from.
        document.Save(writer, SaveOptions.DisableFormatting);
        var xml = writer.ToString();
        var declarationEnd = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
        return xml[..declarationEnd] + "\n" + xml[declarationEnd..];
    }

    /// <summary>Line breaks and spaces between the structural elements only; the text of a source, target
    /// or note is left exactly as it is.</summary>
    private static void Indent(XElement element, int depth)
    {
        if (element.Name == X + "source" || element.Name == X + "target" || element.Name == X + "note") return;
        var children = element.Elements().ToList();
        if (children.Count == 0) return;
        foreach (var child in children)
        {
            child.AddBeforeSelf(new XText("\n" + new string(' ', 2 * (depth + 1))));
            Indent(child, depth + 1);
        }
        element.Add(new XText("\n" + new string(' ', 2 * depth)));
    }

    /// <summary>Reads and checks a file: well-formed, XLIFF 1.2, the expected target language, every
    /// file naming an item and a Dutch version, every target keeping its source's inline codes.</summary>
    /// <exception cref="XliffFormatException">The first problem, with its unit and line.</exception>
    public static IReadOnlyList<XliffItem> Read(string xml, string targetLanguage)
    {
        XDocument document;
        try
        {
            // A streaming pass first: LINQ to XML takes time that grows with the square of the nesting
            // depth (a 1.4 MB file of nested elements kept a core busy for minutes).
            using (var check = Reader(xml))
                while (check.Read())
                    if (check.Depth > MaxDepth)
                        throw new XliffFormatException(
                            $"Het bestand is dieper genest dan {MaxDepth} niveaus; zo ziet een XLIFF-bestand er niet uit.",
                            null, ((IXmlLineInfo)check).LineNumber);
            using var reader = Reader(xml);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new XliffFormatException(NotXml(xml, e), null, e.LineNumber);
        }
        var root = document.Root!;
        if (root.Name != X + "xliff" || (string?)root.Attribute("version") != "1.2")
            throw new XliffFormatException(
                "Dit is geen XLIFF 1.2-bestand (verwacht: <xliff version=\"1.2\"> in de XLIFF-namespace).", null, Line(root));
        var items = new List<XliffItem>();
        foreach (var file in root.Elements(X + "file"))
        {
            var set = (string?)file.Attribute("original");
            if (string.IsNullOrWhiteSpace(set))
                throw new XliffFormatException("Een <file> heeft geen original (het item waar het bij hoort).", null, Line(file));
            var language = (string?)file.Attribute("target-language");
            if (!string.Equals(language, targetLanguage, StringComparison.OrdinalIgnoreCase))
                throw new XliffFormatException(
                    $"Het deel voor '{set}' is voor doeltaal '{language}', niet voor '{targetLanguage}'.", null, Line(file));
            var dataType = (string?)file.Attribute("datatype") == Resx ? Resx : Markdown;
            var version = 0;
            if (dataType == Markdown
                && !int.TryParse((string?)file.Attribute(Jas + "source-version"), NumberStyles.None, CultureInfo.InvariantCulture, out version))
                throw new XliffFormatException(
                    $"Het deel voor '{set}' zegt niet van welke Nederlandse versie het gemaakt is (jas:source-version).", null, Line(file));
            var units = new List<XliffUnit>();
            foreach (var unit in file.Descendants(X + "trans-unit"))
            {
                var id = (string?)unit.Attribute("id") ?? throw new XliffFormatException("Een <trans-unit> heeft geen id.", null, Line(unit));
                var sourceElement = unit.Element(X + "source") ?? throw new XliffFormatException("De unit heeft geen <source>.", id, Line(unit));
                var (source, sourceCodes) = InlineCodes.FromXliff(sourceElement);
                var targetElement = unit.Element(X + "target");
                string? target = null;
                if (targetElement is not null && (targetElement.Nodes().Any()))
                {
                    var (text, codes) = InlineCodes.FromXliff(targetElement);
                    // An interface string is shown as text, not Markdown, and its placeholders are checked one string at a
                    // time by whoever takes it (InterfaceTexts.Check): a placeholder typed without its code, or used twice,
                    // is that string's matter, not a reason to refuse the whole file.
                    if (dataType != Resx) CheckCodes(id, set, source, sourceCodes, text, codes, (string?)file.Attribute("source-language") ?? "",
                        targetLanguage, targetElement);
                    if (text.Trim().Length > 0) target = text;
                }
                units.Add(new XliffUnit(id, source, target, (string?)targetElement?.Attribute("state") ?? "", [], Line(unit)));
            }
            items.Add(new XliffItem(set, (string?)file.Attribute(Jas + "type") ?? "", version, units, Line(file), dataType));
        }
        if (items.Count == 0) throw new XliffFormatException("Het bestand heeft geen <file>-elementen: er is niets te importeren.", null, Line(root));
        return items;
    }

    /// <summary>Refuses a target whose inline codes are not its source's, or whose Markdown has markers its source lacks.</summary>
    private static void CheckCodes(string id, string set, string source, IReadOnlyList<string> sourceCodes, string text,
        IReadOnlyList<string> codes, string sourceLanguage, string targetLanguage, XElement targetElement)
    {
        var keepsMarkers = KeepsCodes(source, text, sourceLanguage, targetLanguage);
        if (!Linked(codes, targetLanguage, sourceLanguage).SequenceEqual(Linked(sourceCodes, sourceLanguage)) && !(codes.Count == 0 && keepsMarkers))
            throw new XliffFormatException(
                $"De vertaling van unit '{id}' in '{set}' houdt de opmaakcodes van de bron (nadruk, links) niet intact: " +
                $"verwacht [{string.Join(", ", sourceCodes)}], gevonden [{string.Join(", ", codes)}].", id, Line(targetElement));
        // The codes are intact, but Markdown typed into the text between them (a link, ** or _) would become real
        // emphasis or a link in the draft, past the check on the codes.
        if (!keepsMarkers)
            throw new XliffFormatException(
                Extra(InlineCodes.Markers(text), InlineCodes.Markers(source)).ToList() is { Count: > 0 } extra
                    ? $"De vertaling van unit '{id}' in '{set}' heeft opmaak, een link of een plaatshouder als tekst getypt ([{string.Join(", ", extra)}]): " +
                      "gebruik daarvoor de codes van de bron, of laat de tekens weg."
                    : $"De opmaak van unit '{id}' in '{set}' werkt in de vertaling niet meer, bijvoorbeeld door een regeleinde " +
                      "binnen een link of nadruk, of door een * of _ direct ernaast.", id, Line(targetElement));
    }

    /// <summary>XLIFF nests a few levels (file, body, group, trans-unit, target, inline codes); this leaves room for any tool.</summary>
    public const int MaxDepth = 64;

    /// <summary>What a translator can do about a file the XML reader refused (the line travels with the exception). The
    /// reader's own words are English and carry no code to translate them by, so they follow as the technical detail.</summary>
    private static string NotXml(string xml, XmlException e)
    {
        var cause = xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            ? "Het bestand heeft een DOCTYPE met eigen entiteiten; een XLIFF-bestand heeft die niet nodig en dit portaal leest ze niet. " +
              "Exporteer het bestand opnieuw uit uw vertaalprogramma."
            : "Vaak is een tag niet gesloten, staat er een & die als &amp; geschreven moet worden, of is het bestand niet als UTF-8 " +
              "bewaard. Exporteer het bestand opnieuw uit uw vertaalprogramma.";
        return $"Het bestand is geen geldige XML. {cause} Technische melding (Engels): {e.Message}";
    }

    /// <summary>XLIFF needs no DTD: one is skipped, never read, so no entity is expanded or fetched
    /// (an entity then is an error, at once, instead of up to ten million characters).</summary>
    private static XmlReader Reader(string xml) => XmlReader.Create(new StringReader(xml), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
    });

    private static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }

    /// <summary>Whether a translation in Markdown has the inline codes of its source (emphasis, links, code), a link to
    /// the same page in its own language counting as the same link.</summary>
    public static bool KeepsCodes(string source, string translation, string sourceLanguage, string targetLanguage) =>
        Linked(InlineCodes.Markers(translation), targetLanguage, sourceLanguage).SequenceEqual(Linked(InlineCodes.Markers(source), sourceLanguage));

    /// <summary>The markers of a translation that its source lacks (the translation's own links counted by address).</summary>
    private static IEnumerable<string> Extra(IReadOnlyList<string> translation, IReadOnlyList<string> source)
    {
        var left = source.ToList();
        return translation.Where(marker => !left.Remove(marker)).Distinct();
    }

    /// <summary>A link's code with the page's language taken out of its address, where it is one of
    /// <paramref name="languages"/>: a translation links to the page in its own language ("](/en/open-data)" where the
    /// Dutch has "](/nl/open-data)"), or keeps the Dutch page, and the export writes such a target itself, so either keeps
    /// its code. Any other change of an address is still a changed code.</summary>
    private static List<string> Linked(IEnumerable<string> codes, params string[] languages) =>
        codes.Select(code => InlineCodes.PageLanguage().Replace(code, m => languages.Contains(m.Groups["language"].Value, StringComparer.OrdinalIgnoreCase)
            ? "](/{language}" : m.Value)).Order(StringComparer.Ordinal).ToList();
}
