using JasKnowledge.Core.Markdown;

namespace JasKnowledge.Tests.Unit;

public sealed class MarkdownOutlineTests
{
    private const string Session = """
        Achtergrond voor de trainer.

        ## Doelen

        - Deelnemers weten iets.

        ## Stappenplan

        | Tijd | Onderdeel |
        | --- | --- |
        | 0–10 | Welkom |

        ### Een *oefening*

        Tekst.
        """;

    [Fact]
    public void Headings_carry_the_anchor_the_html_uses()
    {
        var headings = MarkdownOutline.Headings(Session);
        var html = MarkdownRenderer.ToHtml(Session);

        Assert.Equal(["Doelen", "Stappenplan", "Een oefening"], headings.Select(h => h.Text));
        Assert.Equal(["doelen", "stappenplan", "een-oefening"], headings.Select(h => h.Id));
        foreach (var heading in headings) Assert.Contains($"id=\"{heading.Id}\"", html);
        Assert.Equal(["Doelen", "Stappenplan"], MarkdownOutline.Headings(Session, maxLevel: 2).Select(h => h.Text));
    }

    [Fact]
    public void Sections_split_at_level_two_and_keep_the_text_before_the_first()
    {
        var sections = MarkdownOutline.Sections(Session);

        Assert.Equal(3, sections.Count);
        Assert.Null(sections[0].Heading);
        Assert.Equal("Achtergrond voor de trainer.", sections[0].Markdown);
        Assert.Equal("Doelen", sections[1].Heading!.Text);
        Assert.StartsWith("## Doelen", sections[1].Markdown);
        Assert.DoesNotContain("Stappenplan", sections[1].Markdown);
        Assert.Contains("### Een *oefening*", sections[2].Markdown);
    }

    [Fact]
    public void A_prefix_and_an_offset_let_several_texts_share_one_page()
    {
        var html = MarkdownRenderer.ToHtml(Session, idPrefix: "sessie-1-", headingOffset: 1);

        Assert.Contains("<h3 id=\"sessie-1-doelen\">Doelen</h3>", html);
        Assert.Contains("<h4 id=\"sessie-1-een-oefening\">", html);
        Assert.DoesNotContain("<h2", html);
    }

    [Fact]
    public void Word_count_ignores_markdown_punctuation()
    {
        Assert.Equal(4, MarkdownOutline.WordCount("| Tijd | Onderdeel |\n| --- | --- |\n- twee woorden"));
    }
}
