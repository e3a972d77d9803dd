using JasKnowledge.Core.Markdown;

namespace JasKnowledge.Tests.Unit;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JAVASCRIPT:alert(1))")]
    [InlineData("[klik](java\tscript:alert(1))")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klik](vbscript:msgbox(1))")]
    [InlineData("![plaatje](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    public void Dangerous_link_targets_are_not_rendered(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Tekst <iframe src=\"https://example.org\"></iframe>")]
    public void Raw_html_is_shown_as_text_not_executed(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[site](https://www.rijksoverheid.nl)", "href=\"https://www.rijksoverheid.nl\"")]
    [InlineData("[pagina](/nl/over)", "href=\"/nl/over\"")]
    [InlineData("[mail](mailto:info@example.org)", "href=\"mailto:info@example.org\"")]
    [InlineData("[anker](#doelen)", "href=\"#doelen\"")]
    [InlineData("[pad](/nl/zoek?q=a:b)", "href=\"/nl/zoek?q=a:b\"")]
    public void Safe_links_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownRenderer.ToHtml(markdown));
    }

    [Fact]
    public void Headings_get_stable_anchors_and_tables_render()
    {
        var html = MarkdownRenderer.ToHtml("## Doelen van de sessie\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<h2 id=\"doelen-van-de-sessie\">", html);
        Assert.Contains("<table>", html);
    }
}
