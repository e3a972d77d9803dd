using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JasKnowledge.Core.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The editable edition: the same Markdown as the web pages and the PDF, written as a Word
/// document with real heading styles, so a municipality can adapt it and its outline still works.</summary>
public static class HandbookDocx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Write(Stream output, HandbookContents handbook, string coverLine, string colophon)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);

        var title = handbook.Home?.Version.Title ?? "Het Gesprek";
        document.PackageProperties.Title = title;
        document.PackageProperties.Language = HandbookFeature.EditionCulture;
        body.Append(Paragraph("Title", Text(title)));
        if (handbook.Home?.Version.Summary is { } summary) body.Append(Paragraph("Subtitle", Text(summary)));
        body.Append(Paragraph(null, Bold(coverLine)));
        body.Append(Paragraph(null, Text(colophon)));

        foreach (var chapter in handbook.Chapters)
        {
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Paragraph("Heading1", Text(chapter.Title)));
            foreach (var block in MarkdownRenderer.Parse(chapter.Version.Body))
                AppendBlock(body, block, listDepth: 0);
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },   // A4 in twentieths of a point
            new PageMargin { Top = 1021, Bottom = 1134, Left = 907, Right = 907, Header = 709, Footer = 709, Gutter = 0 }));
        main.Document.Save();
    }

    private static void AppendBlock(OpenXmlElement parent, Block block, int listDepth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                // The chapter title is Heading 1; the chapter's own ## and ### follow it.
                parent.Append(Paragraph($"Heading{Math.Min(heading.Level, 4)}", Inlines(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                parent.Append(Paragraph(listDepth > 0 ? "ListParagraph" : null, Inlines(paragraph.Inline)));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p)
                        {
                            var runs = new List<OpenXmlElement> { new Run(new Text(marker)), new Run(new TabChar()) };
                            runs.AddRange(Inlines(p.Inline));
                            parent.Append(ListParagraph(runs, listDepth));
                        }
                        else AppendBlock(parent, child, listDepth + 1);
                        first = false;
                    }
                }
                break;
            case MdTable table:
                parent.Append(Table(table));
                parent.Append(new Paragraph());
                break;
            case QuoteBlock quote:
                foreach (var child in quote) AppendBlock(parent, child, listDepth);
                break;
            case ThematicBreakBlock:
                parent.Append(new Paragraph());
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                parent.Append(Paragraph(null, Text(leaf.Lines.ToString())));
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendBlock(parent, child, listDepth);
                break;
        }
    }

    private static WTable Table(MdTable table)
    {
        // Schema order matters: top, left, bottom, right, insideH, insideV; then a grid of the columns.
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var columns = table.OfType<Markdig.Extensions.Tables.TableRow>().Select(r => r.Count).DefaultIfEmpty(1).Max();
        var result = new WTable(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (10092 / columns).ToString() })));
        foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var wordRow = new WTableRow();
            if (row.IsHeader) wordRow.Append(new TableRowProperties(new TableHeader()));
            foreach (var cell in row.OfType<Markdig.Extensions.Tables.TableCell>())
            {
                var wordCell = new WTableCell();
                foreach (var paragraph in cell.OfType<ParagraphBlock>())
                {
                    var runs = Inlines(paragraph.Inline);
                    if (row.IsHeader) foreach (var run in runs.OfType<Run>()) run.RunProperties = new RunProperties(new Bold());
                    wordCell.Append(Paragraph(null, runs));
                }
                if (!wordCell.Elements<Paragraph>().Any()) wordCell.Append(new Paragraph());
                wordRow.Append(wordCell);
            }
            result.Append(wordRow);
        }
        return result;
    }

    private static List<OpenXmlElement> Inlines(ContainerInline? container)
    {
        var runs = new List<OpenXmlElement>();
        if (container is not null) AppendInlines(runs, container, bold: false, italic: false);
        return runs;
    }

    private static void AppendInlines(List<OpenXmlElement> runs, ContainerInline container, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(Run(literal.Content.ToString(), bold, italic));
                    break;
                case EmphasisInline emphasis:
                    AppendInlines(runs, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? new Run(new Break()) : Run(" ", bold, italic));
                    break;
                case CodeInline code:
                    runs.Add(Run(code.Content, bold, italic));
                    break;
                case LinkInline link:
                    AppendInlines(runs, link, bold, italic);
                    if (!string.IsNullOrEmpty(link.Url) && link.Url != "#") runs.Add(Run($" ({link.Url})", bold, italic));
                    break;
                case AutolinkInline autolink:
                    runs.Add(Run(autolink.Url, bold, italic));
                    break;
                case ContainerInline nested:
                    AppendInlines(runs, nested, bold, italic);
                    break;
            }
        }
    }

    private static Run Run(string text, bool bold, bool italic)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            run.RunProperties = properties;
        }
        return run;
    }

    private static List<OpenXmlElement> Text(string text) => [Run(text, false, false)];
    private static List<OpenXmlElement> Bold(string text) => [Run(text, true, false)];

    private static Paragraph Paragraph(string? style, IEnumerable<OpenXmlElement> runs)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static Paragraph ListParagraph(IEnumerable<OpenXmlElement> runs, int depth)
    {
        var indent = 360 + depth * 360;
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new Tabs(new TabStop { Val = TabStopValues.Left, Position = indent }),
            new Indentation { Left = indent.ToString(), Hanging = "360" }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" }, new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, null, null, isDefault: true),
            ParagraphStyle("Title", "Title", 56, true, 0),
            ParagraphStyle("Subtitle", "Subtitle", 28, false, null),
            ParagraphStyle("Heading1", "heading 1", 36, true, 0),
            ParagraphStyle("Heading2", "heading 2", 28, true, 1),
            ParagraphStyle("Heading3", "heading 3", 24, true, 2),
            ParagraphStyle("Heading4", "heading 4", 22, true, 3),
            ParagraphStyle("ListParagraph", "List Paragraph", null, null, null));
        styles.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, int? halfPoints, bool? bold, int? outlineLevel, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" });
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is { } level)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level });
        }
        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold == true) run.Append(new Bold());
        if (halfPoints is { } size) run.Append(new FontSize { Val = size.ToString() });
        style.Append(run);
        return style;
    }
}
