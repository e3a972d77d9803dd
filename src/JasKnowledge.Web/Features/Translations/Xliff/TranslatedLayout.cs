using System.Text.RegularExpressions;
using JasKnowledge.Core.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// Whether the translation of one unit keeps its source's layout, as the portal renders it. <see cref="MarkdownUnits.Join"/>
/// puts a translation back as it is, so Markdown typed into it becomes real: a blank line, a "- " or "#" at a line's start, a
/// "---" under a line, a link definition, a link with a title or a space in its address, an autolink, "__" or intraword
/// emphasis, a hard line break. The check on the XLIFF codes only sees the kinds of Markdown its own pattern knows; this asks
/// the portal's own Markdown pipeline (the attack of 6 December 2026 got all of these past the codes).
/// </summary>
public static partial class TranslatedLayout
{
    /// <summary>Why <paramref name="translation"/> cannot take the place of <paramref name="source"/>, a unit of the given kind
    /// ("title", "summary", "heading", "table-cell", "paragraph", "list-item"), or null.</summary>
    public static string? Problem(string kind, string source, string translation, string sourceLanguage, string targetLanguage)
    {
        // Line breaks around the whole translation are a tool's, not the translator's: they change no block. A lone CR is a
        // line break to Markdown, so it is one here.
        var text = Lines(translation).Trim('\n');
        if (kind is "title" or "heading" or "table-cell" && text.Contains('\n'))
            return "een titel, kop of tabelcel is één regel; de vertaling heeft er meer";
        if (kind == "table-cell" && text.Contains('|')) return "een tabelcel kan geen | bevatten; die begint een nieuwe cel";
        // Titles and summaries are shown as text, not as Markdown.
        if (kind is "title" or "summary") return null;
        // Before Markdig reads it here: nested past its depth limit it throws, and the import answered 500 (attack h8).
        if (text.Length > Core.Content.VersionText.MaxBody) return $"hoogstens {Core.Content.VersionText.MaxBody} tekens";
        if (Core.Markdown.MarkdownRenderer.NestingProblem(text) is not null)
            return "de opmaak is te diep genest (lijsten, citaten of haken die tientallen keren in elkaar staan)";

        var blocks = Parse(kind == "heading" ? "# " + text : text);
        if (blocks.OfType<LinkReferenceDefinitionGroup>().Any())
            return "de vertaling heeft een linkdefinitie ([naam]: adres); een link gaat met de code van de bron";
        // As the next export splits the text: one unit of the same kind, or the units no longer line up with the Dutch.
        var units = MarkdownUnits.Of(kind == "heading" ? "# " + text : text).Units;
        if (units.Count != 1 || units[0].Kind != (kind == "heading" ? "heading" : "paragraph") || (kind != "heading" && units[0].Text != text))
            return NewBlock;
        // As the page renders it: one paragraph (or heading), nothing beside it.
        if (blocks.Any(b => b is ThematicBreakBlock || b is HeadingBlock { IsSetext: true }))
            return "de vertaling heeft een regel van alleen - = * of _; die maakt een kop of een scheidingslijn";
        if (blocks.Count != 1 || blocks[0] is not (ParagraphBlock or HeadingBlock) || (blocks[0] is HeadingBlock) != (kind == "heading"))
            return NewBlock;

        var wanted = Shapes(kind == "heading" ? "# " + source : source, sourceLanguage);
        var found = Shapes(kind == "heading" ? "# " + text : text, targetLanguage, sourceLanguage);
        if (wanted.SequenceEqual(found)) return null;
        var extra = Without(found, wanted);
        var missing = Without(wanted, found);
        return extra.Count > 0
            ? $"de vertaling heeft opmaak of een link die de bron niet heeft ({string.Join(", ", extra)}); gebruik de codes van de bron"
            : $"de opmaak of een link van de bron werkt in de vertaling niet meer ({string.Join(", ", missing)}), bijvoorbeeld door een "
              + "regeleinde binnen een link of een * of _ direct ernaast";
    }

    /// <summary>Why a translated text, its units joined, does not keep the layout of the Dutch text it was made from, or null.
    /// Each unit may pass on its own while two together make layout: a "[" at the end of one table cell and "](…)" in the
    /// next became a link, a code span over a "|" merged two cells (the second attack of 6 December 2026), and a reference
    /// link typed into one unit finds the definition the text keeps elsewhere.</summary>
    public static string? JoinedProblem(string source, string translation, string sourceLanguage, string targetLanguage)
    {
        var wanted = Shapes(source, sourceLanguage).Concat(BlockShapes(source)).Order(StringComparer.Ordinal).ToList();
        var found = Shapes(translation, targetLanguage, sourceLanguage).Concat(BlockShapes(translation)).Order(StringComparer.Ordinal).ToList();
        if (wanted.SequenceEqual(found)) return null;
        var differences = Without(found, wanted).Select(shape => "erbij: " + shape).Concat(Without(wanted, found).Select(shape => "weg: " + shape));
        return "samen maken de units opmaak die de Nederlandse tekst niet heeft (" + string.Join(", ", differences.Take(4)) + "); kijk naar "
            + "tekens als ` [ ] * _ aan het begin of eind van een unit, vooral in tabelcellen";
    }

    /// <summary>Every block the text renders as (paragraphs, headings by level, lists, tables with their rows and cells).</summary>
    private static IEnumerable<string> BlockShapes(string markdown) =>
        Markdig.Markdown.Parse(Lines(markdown), MarkdownRenderer.Pipeline).Descendants<Block>()
            .Select(block => block is HeadingBlock heading ? $"kop {heading.Level}" : block.GetType().Name);

    private const string NewBlock = "de vertaling begint een nieuw blok (een lege regel, of een regel die begint met -, *, +, een nummer, #, > "
        + "of |); één unit is één blok, zoals in de bron";

    /// <summary>The text with every line break as LF: a lone CR is a line break to Markdown too.</summary>
    public static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static List<Block> Parse(string markdown) => [.. Markdig.Markdown.Parse(markdown, MarkdownRenderer.Pipeline)];

    /// <summary>What a unit's text renders as beyond words, sorted: links (with address and title, a link to a page of the
    /// portal in either language counting as the same), autolinks, emphasis of each kind, code and hard line breaks.</summary>
    private static List<string> Shapes(string markdown, params string[] languages) =>
        Markdig.Markdown.Parse(Lines(markdown), MarkdownRenderer.Pipeline).Descendants<Inline>().Select(inline => inline switch
            {
                LinkInline link => $"{(link.IsImage ? "afbeelding" : "link")} {OwnPage(link.Url ?? "", languages)}"
                    + (string.IsNullOrEmpty(link.Title) ? "" : $" \"{link.Title}\""),
                AutolinkInline autolink => $"link {autolink.Url}",
                EmphasisInline emphasis => $"nadruk {new string(emphasis.DelimiterChar, emphasis.DelimiterCount)}",
                CodeInline => "code",
                LineBreakInline { IsHard: true } => "harde regelovergang",
                LiteralInline or LineBreakInline or HtmlEntityInline => null,
                var container when container.GetType() == typeof(ContainerInline) => null,
                var other => other.GetType().Name,
            })
            .OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static List<string> Without(List<string> these, List<string> those)
    {
        var left = those.ToList();
        return these.Where(shape => !left.Remove(shape)).Distinct().ToList();
    }

    /// <summary>A link to a page of the portal with its language taken out, where it is one of <paramref name="languages"/>.</summary>
    private static string OwnPage(string url, string[] languages) =>
        PageLanguage().Match(url) is { Success: true } page && languages.Contains(page.Groups["language"].Value, StringComparer.OrdinalIgnoreCase)
            ? "/{language}" + url[page.Length..]
            : url;

    [GeneratedRegex(@"^/(?<language>[A-Za-z]{2,3}(?:-[A-Za-z]{2})?)(?=[/?#]|$)")]
    private static partial Regex PageLanguage();
}
