using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Xml.Linq;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Translations;
using JasKnowledge.Theme;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// The interface strings (the theme's <c>Ui.resx</c>) as translation work. They ship with the code, not
/// in the database: the XLIFF export carries them as one &lt;file&gt; of data type resx, and an import checks
/// them against the Dutch strings of this build; only the command writes them, into a resx folder it is
/// given, for a developer to review and commit. A running portal cannot change its compiled resources.
/// </summary>
public sealed partial class InterfaceTexts(CultureCatalog cultures, Glossary glossary)
{
    /// <summary>The XLIFF &lt;file&gt;'s original: the resource file's name in the theme.</summary>
    public const string Set = "interface/Ui";
    public const string Type = "interface";
    private const string BaseName = "JasKnowledge.Theme.Resources.Ui";
    private static readonly ResourceManager Resources = new(BaseName, typeof(Ui).Assembly);

    /// <summary>The Dutch strings by name, in name order (the order of the export).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Dutch() => Read(CultureInfo.InvariantCulture);

    /// <summary>The strings the language's own resx has, by name (no fallback to Dutch).</summary>
    public IReadOnlyDictionary<string, string> In(string language) =>
        Read(Culture(language)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>The Dutch strings the language has no text for.</summary>
    public IReadOnlyList<string> Missing(string language)
    {
        var own = In(language);
        return Dutch().Where(e => !own.ContainsKey(e.Key)).Select(e => e.Value).ToList();
    }

    /// <summary>The interface strings to translate as one XLIFF item: those the language lacks, or with
    /// <paramref name="everything"/> all of them with their current translation; null when there are none.</summary>
    public XliffItem? Item(string language, bool everything)
    {
        var own = In(language);
        var units = Dutch()
            .Where(e => everything || !own.ContainsKey(e.Key))
            .Select(e =>
            {
                var target = own.GetValueOrDefault(e.Key);
                IReadOnlyList<string> notes =
                [
                    "interfacetekst (Ui.resx)", .. PlaceholderNote(e.Value),
                    .. glossary.TermsIn(e.Value, cultures.Default.Code).Select(t => $"woordenlijst: {t.Term} = {t.In(language)?.Form ?? "?"}"),
                ];
                return new XliffUnit(e.Key, e.Value, target, target is null ? "needs-translation" : "translated", notes);
            })
            .ToList();
        return units.Count == 0 ? null : new XliffItem(Set, Type, 0, units, DataType: XliffDocument.Resx);
    }

    /// <summary>Checks an imported interface item: an unknown name refuses the whole file; a unit whose
    /// Dutch source is no longer this build's string, or that has no translation, is skipped.</summary>
    /// <exception cref="XliffFormatException">A name that is not an interface string.</exception>
    public (IReadOnlyList<KeyValuePair<string, string>> Ready, IReadOnlyList<SkippedUnit> Skipped) Check(XliffItem item)
    {
        var dutch = Dutch().ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var ready = new List<KeyValuePair<string, string>>();
        var skipped = new List<SkippedUnit>();
        if (item.Units.GroupBy(u => u.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new XliffFormatException($"Interfacetekst '{twice.Key}' staat twee keer in het bestand.", twice.Key, twice.ElementAt(1).Line);
        foreach (var unit in item.Units)
        {
            if (!dutch.TryGetValue(unit.Id, out var source))
                throw new XliffFormatException($"Unit '{unit.Id}' is geen interfacetekst van deze versie van het portaal.", unit.Id, unit.Line);
            if (unit.Source != source)
                skipped.Add(new(Set, unit.Id, $"de Nederlandse interfacetekst is veranderd sinds de export (regel {unit.Line}); exporteer opnieuw"));
            else if (unit.Target is null)
                skipped.Add(new(Set, unit.Id, $"geen vertaling (regel {unit.Line})"));
            else if (TextProblem(source, unit.Target) is { } problem)
                skipped.Add(new(Set, unit.Id, $"{problem} (regel {unit.Line})"));
            else
                ready.Add(new(unit.Id, unit.Target));
        }
        return (ready, skipped);
    }

    /// <summary>Why a translation cannot stand in for its Dutch string, or null. The page fills a string's
    /// placeholders with <c>string.Format</c>: a placeholder missing, added, renumbered or given another alignment or format
    /// (<c>{0:X}</c> shows a number in hexadecimal, <c>{0,999999}</c> a million spaces) shows the wrong value or none, and a
    /// lone brace or an unknown format throws there, on every visit of that page in that language. Each placeholder is
    /// taken exactly as the Dutch has it. And no direction override (see <see cref="JasKnowledge.Core.Formats.DirectionOverrides"/>).</summary>
    public static string? TextProblem(string source, string translation)
    {
        if (JasKnowledge.Core.Formats.HiddenCharacters.Problem("De vertaling", translation) is { } hidden) return hidden;
        var wanted = PlaceholdersIn(source);
        var found = PlaceholdersIn(translation);
        if (!wanted.SetEquals(found))
            return $"de vertaling moet precies de plaatshouders van de Nederlandse tekst hebben: {Listed(wanted)}, niet {Listed(found)}";
        if (wanted.Count == 0) return null;
        try
        {
            // The Dutch string's own items, so the indexes are small.
            _ = string.Format(CultureInfo.InvariantCulture, translation, new object[wanted.Max(Index) + 1]);
            return null;
        }
        catch (FormatException)
        {
            return "de vertaling heeft een { of } die geen plaatshouder is; schrijf een losse accolade dubbel: {{ of }}";
        }
    }

    /// <summary>Each placeholder as written, alignment and format included ("{0}", "{1:N0}").</summary>
    private static SortedSet<string> PlaceholdersIn(string text) =>
        new(PlaceholderPattern().Matches(text).Where(m => m.Groups[1].Success).Select(m => m.Value), StringComparer.Ordinal);

    private static int Index(string placeholder) =>
        int.Parse(placeholder.AsSpan(1, placeholder.IndexOfAny([',', ':', '}']) - 1).Trim(), CultureInfo.InvariantCulture);

    private static string Listed(SortedSet<string> placeholders) => placeholders.Count == 0 ? "geen" : string.Join(" ", placeholders);

    /// <summary>An escaped brace, or a composite-format item: index, optional alignment and format.</summary>
    /// <remarks>Any number of digits, as <c>string.Format</c> reads them: <c>{0000:Z}</c> is item 0 with a format, and was
    /// not seen as a placeholder at all with at most three (the attack of 6 December 2026).</remarks>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{|\}\}|\{\s*([0-9]+)\s*(?:,\s*-?[0-9]+\s*)?(?::[^{}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex PlaceholderPattern();

    /// <summary>Writes translated strings into the language's resx file in <paramref name="folder"/>
    /// (<c>Ui.ar.resx</c>, <c>Ui.fa-AF.resx</c> for Dari): existing names get the new text, new ones are
    /// added, every other string stays as it was. A missing file is made with the Dutch file's header.</summary>
    /// <returns>The file written.</returns>
    public string WriteResx(string folder, string language, IReadOnlyList<KeyValuePair<string, string>> texts)
    {
        var path = Path.Combine(folder, $"Ui.{Culture(language).Name}.resx");
        // The file's own layout is kept, so that the reviewer's diff shows only the strings that changed.
        var document = File.Exists(path) ? XDocument.Load(path, LoadOptions.PreserveWhitespace) : Empty(Path.Combine(folder, "Ui.resx"));
        var root = document.Root!;
        var entries = root.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, StringComparer.Ordinal);
        foreach (var (name, text) in texts)
        {
            if (entries.TryGetValue(name, out var data))
            {
                data.Element("value")!.Value = text;
                continue;
            }
            var added = new XElement("data", new XAttribute("name", name), new XAttribute(XNamespace.Xml + "space", "preserve"),
                new XText("\n    "), new XElement("value", text), new XText("\n  "));
            if (root.Elements().LastOrDefault() is { } last) last.AddAfterSelf(new XText("\n  "), added);
            else root.Add(new XText("\n  "), added, new XText("\n"));
            entries[name] = added;
        }
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting) + "\n",
            new UTF8Encoding(false));
        return path;
    }

    /// <summary>A resx file with the Dutch file's schema and headers but no strings.</summary>
    private static XDocument Empty(string dutchPath)
    {
        if (!File.Exists(dutchPath))
            throw new FileNotFoundException($"Er is geen Ui.resx in {Path.GetDirectoryName(dutchPath)}: dat is niet de map met de interfaceteksten.");
        var document = XDocument.Load(dutchPath, LoadOptions.PreserveWhitespace);
        foreach (var data in document.Root!.Elements("data").ToList())
        {
            if (data.PreviousNode is XText space && string.IsNullOrWhiteSpace(space.Value)) space.Remove();
            data.Remove();
        }
        return document;
    }

    private static IEnumerable<string> PlaceholderNote(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\{\d+\}")
            ? ["{0}, {1}…: het portaal vult hier een getal, naam of datum in; laat ze staan en zet ze waar de zin ze nodig heeft"]
            : [];

    private CultureInfo Culture(string language)
    {
        var definition = cultures.Find(language);
        return CultureInfo.GetCultureInfo(string.IsNullOrEmpty(definition?.DotNetCulture) ? language : definition.DotNetCulture);
    }

    private static List<KeyValuePair<string, string>> Read(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is { } set
            ? set.Cast<DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value as string ?? ""))
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToList()
            : [];
}
