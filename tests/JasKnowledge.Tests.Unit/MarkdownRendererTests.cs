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

    /// <summary>The second layer on its own: HTML that the first layer never lets through, as a future
    /// Markdig extension, a search engine's snippet or a bug might produce it.</summary>
    [Theory]
    [InlineData("<p>ok</p><script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">a</a>", "onclick")]
    [InlineData("<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">nep</p>", "style")]
    [InlineData("<style>body{display:none}</style><p>x</p>", "<style")]
    [InlineData("<a href=\"javascript:alert(1)\">a</a>", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">a</a>", "alert")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">a</a>", "data:")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">a</a>", "vbscript:")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"q\"></form>", "<form")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert")]
    [InlineData("<mark onmouseover=\"alert(1)\">treffer</mark>", "onmouseover")]
    public void The_sanitizer_removes_what_could_run_or_restyle_the_page(string html, string forbidden)
    {
        Assert.DoesNotContain(forbidden, SafeHtml.Sanitize(html), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("… het <mark>gesprek</mark> &lt;b&gt;&amp; <mark>werk</mark> …", true)]
    [InlineData("gewone tekst zonder tags", true)]
    [InlineData("<mark onmouseover=\"alert(1)\">x</mark>", false)]
    [InlineData("<mark>x</mark><script>alert(1)</script>", false)]
    [InlineData("<markx>x</mark>", false)]
    [InlineData("a > b", false)]
    [InlineData("<mark>x</mark", false)]
    [InlineData("<MARK>x</MARK>", false)]
    public void Only_text_with_mark_tags_skips_the_parser(string html, bool skipped)
    {
        Assert.Equal(skipped, SafeHtml.IsTextWithMarks(html));
        // Either way nothing that could run survives.
        Assert.DoesNotContain("<script", SafeHtml.Sanitize(html), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", SafeHtml.Sanitize(html), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<a href=\"https://www.rijksoverheid.nl\">x</a>")]
    [InlineData("<a href=\"mailto:info@example.org\">x</a>")]
    [InlineData("<a href=\"tel:+31715165000\">x</a>")]
    [InlineData("<a href=\"/nl/over\">x</a>")]
    [InlineData("<a href=\"#doelen\">x</a>")]
    [InlineData("<p>Een <mark>treffer</mark> in <span lang=\"nl\" dir=\"ltr\">Leiden</span></p>")]
    [InlineData("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"s1\">"
        + "<table><tbody><tr><td>1</td></tr></tbody></table></div>")]
    public void The_sanitizer_keeps_what_the_portal_writes(string html)
    {
        Assert.Equal(html, SafeHtml.Sanitize(html));
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
    [Fact]
    public void A_table_scrolls_in_a_focusable_region_named_by_the_heading_above_it()
    {
        var html = MarkdownRenderer.ToHtml("## Stappenplan\n\n| Tijd | Onderdeel |\n|---|---|\n| 0–15 | Welkom |\n", idPrefix: "s1-");

        Assert.Contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"s1-stappenplan\"><table>", html);
        Assert.Contains("</table></div>", html);
        Assert.Contains("<h2 id=\"s1-stappenplan\">", html);
    }

    [Fact]
    public void Dutch_terms_in_arabic_text_are_marked_dutch_and_isolated_with_their_brackets()
    {
        var html = MarkdownRenderer.ToHtml(
            "في هولندا يجب أن يكون لديك تأمين صحي (zorgverzekering). تطلبه من مصلحة البدلات " +
            "(Dienst Toeslagen).\n\n- **de basisverzekering**: التأمين الصحي الذي يجب أن يكون لدى الجميع.\n");

        Assert.Contains("تأمين صحي <span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span>.", html);
        Assert.Contains("<span lang=\"nl\" dir=\"ltr\">(Dienst Toeslagen)</span>", html);
        Assert.Contains("<strong><span lang=\"nl\" dir=\"ltr\">de basisverzekering</span></strong>", html);
        Assert.DoesNotContain("lang=\"nl\" dir=\"ltr\">في", html);
    }

    [Theory]
    [InlineData(
        "ኣብ ሆላንድ ናይ ሕክምና ውሕስነት (zorgverzekering) ክህልወኩም ኣለዎ። ትግርኛ ጽሑፍ እዩ።",
        "<span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span>")]
    [InlineData(
        "У Нідерландах вам потрібне медичне страхування (zorgverzekering), це закон.",
        "<span lang=\"nl\" dir=\"ltr\">(zorgverzekering)</span>")]
    [InlineData(
        "در هلند باید بیمهٔ درمانی داشته باشید، مثلاً برای داکتر خانواده (huisarts) و " +
        "شفاخانه.", "<span lang=\"nl\" dir=\"ltr\">(huisarts)</span>")]
    [InlineData(
        "شما در شهر Den Haag زندگی می‌کنید و در برنامهٔ 24x24 شرکت می‌کنید.",
        "<span lang=\"nl\" dir=\"ltr\">Den Haag</span> زندگی")]
    public void Latin_runs_are_marked_in_ethiopic_cyrillic_and_persian_text(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownRenderer.ToHtml(markdown));
    }

    [Theory]
    [InlineData("In Nederland moet je een zorgverzekering hebben (basisverzekering).")]
    [InlineData("Nederland waa inaad haysataa caymis caafimaad (zorgverzekering).")]
    [InlineData("In the Netherlands you must have health insurance (zorgverzekering).")]
    public void Text_in_latin_script_is_left_as_it_is(string markdown)
    {
        Assert.DoesNotContain("<span", MarkdownRenderer.ToHtml(markdown));
    }

    [Fact]
    public void Code_and_link_targets_are_not_touched_and_titles_are_encoded()
    {
        var html = MarkdownRenderer.ToHtml(
            "اقرأ [الورقة](/nl/informatie/de-zorgverzekering) واكتب `zorgtoeslag` في مربع البحث في الموقع.");

        Assert.Contains("href=\"/nl/informatie/de-zorgverzekering\"", html);
        Assert.Contains("<code>zorgtoeslag</code>", html);
        Assert.Equal(
            "دورة &lt;b&gt; <span lang=\"nl\" dir=\"ltr\">(Het Gesprek)</span> و<span lang=\"nl\" dir=\"ltr\">Participatie-verklaring</span>",
            LatinRuns.ToHtml("دورة <b> (Het Gesprek) وParticipatie-verklaring", "Arab"));
        Assert.Equal("Het Gesprek &amp; meer", LatinRuns.ToHtml("Het Gesprek & meer", "Latn"));
        // A span of years stays inside the run: in right-to-left text it came out as "2019–Resultaten Project JAS 2016".
        Assert.Equal("در گزارش <span lang=\"nl\" dir=\"ltr\">Resultaten Project JAS 2016–2019</span> آمده است",
            LatinRuns.ToHtml("در گزارش Resultaten Project JAS 2016–2019 آمده است", "Arab"));
        Assert.Equal("<span lang=\"nl\" dir=\"ltr\">(JAS 2016–2019)</span> –", LatinRuns.ToHtml("(JAS 2016–2019) –", "Arab"));
    }

    /// <summary>A search snippet keeps its marks and gets the isolation its page gives: "de trainer: الشخص" came out as
    /// ": de trainer" in Arabic results.</summary>
    [Theory]
    [InlineData("… كلمات مهمة de trainer: <mark>الشخص</mark> …", "Arab",
        "… كلمات مهمة <span lang=\"nl\" dir=\"ltr\">de trainer</span>: <mark>الشخص</mark> …")]
    [InlineData("مرشدك (<mark>mentor</mark>) &amp; <mark>x</mark>", "Arab",
        "مرشدك <span lang=\"nl\" dir=\"ltr\">(<mark>mentor</mark>)</span> &amp; <mark>x</mark>")]
    [InlineData("de <mark>trainer</mark> &lt;b&gt;", "Latn", "de <mark>trainer</mark> &lt;b&gt;")]
    [InlineData("<mark>Het Gesp</mark>rek ብጉጅለ", "Ethi", "<span lang=\"nl\" dir=\"ltr\"><mark>Het Gesp</mark>rek</span> ብጉጅለ")]
    [InlineData("<b>niet van ons</b>", "Arab", "<b>niet van ons</b>")]
    public void A_snippet_keeps_its_marks_inside_the_isolated_dutch_runs(string snippet, string script, string expected) =>
        Assert.Equal(expected, LatinRuns.MarkedToHtml(snippet, script));
}

/// <summary>The plain text search indexes, with where each heading starts in it (a hit leads to its section).</summary>
public sealed class MarkdownPlainTextTests
{
    [Fact]
    public void Headings_are_placed_where_their_words_stand_in_the_text()
    {
        const string markdown = "Eerst een alinea.\n\n## Doelen\n\nDeelnemers *weten* wat de **Participatieverklaring** is.\n\n" +
            "- een lijst\n- met punten\n\n### Voorbereiding en materialen\n\nKoffie en thee.\n\n#### Te diep\n\nNiet apart.\n\n## Doelen\n\nNog eens.";

        var plain = MarkdownRenderer.ToPlainText(markdown);

        Assert.Equal(Markdig.Markdown.ToPlainText(markdown, MarkdownRenderer.Pipeline), plain.Text);
        Assert.Equal(["doelen", "voorbereiding-en-materialen", "doelen-1"], plain.Headings.Select(h => h.Heading.Id));
        foreach (var (heading, start) in plain.Headings) Assert.StartsWith(heading.Text, plain.Text[start..], StringComparison.Ordinal);
        // The anchors are the page's: the same ids as the rendered HTML.
        var html = MarkdownRenderer.ToHtml(markdown);
        foreach (var (heading, _) in plain.Headings) Assert.Contains($"id=\"{heading.Id}\"", html, StringComparison.Ordinal);
    }

    /// <summary>Every shipped text: the same plain text as Markdig's own plain-text rendering (the index and its
    /// snippets stay as they were), and every heading placed at its words, in every script.</summary>
    [Fact]
    public void Every_shipped_text_gives_Markdigs_plain_text_and_places_its_headings()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content");
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 100, $"{files.Count} texts");
        var headings = 0;
        foreach (var file in files)
        {
            var markdown = File.ReadAllText(file);
            if (markdown.StartsWith("---", StringComparison.Ordinal)) markdown = markdown[(markdown.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
            var plain = MarkdownRenderer.ToPlainText(markdown);
            Assert.Equal(Markdig.Markdown.ToPlainText(markdown, MarkdownRenderer.Pipeline), plain.Text);
            var html = MarkdownRenderer.ToHtml(markdown);
            foreach (var (heading, start) in plain.Headings)
            {
                Assert.StartsWith(heading.Text, plain.Text[start..], StringComparison.Ordinal);
                Assert.Contains($"id=\"{heading.Id}\"", html, StringComparison.Ordinal);
                headings++;
            }
        }
        Assert.True(headings > 200, $"{headings} headings");
    }

    public static TheoryData<string> TooDeep => new()
    {
        new string('[', 128) + "x",
        string.Concat(Enumerable.Repeat("- ", 64)) + "x",
        new string('>', 128) + "x",
        "Tekst\n\n" + new string('>', 200) + "x",
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_text_nested_beyond_markdigs_limit_is_refused_on_saving_and_a_kept_one_still_shows_its_words(string markdown)
    {
        Assert.StartsWith("Tekst: de opmaak is te diep genest", MarkdownRenderer.NestingProblem(markdown));
        var text = new JasKnowledge.Core.Content.VersionText("Titel", markdown, null, null, "Nieuw.", IsMajor: true);
        var refused = Assert.Throws<JasKnowledge.Core.Content.ContentRuleException>(text.CheckFields);
        Assert.Equal("body", Assert.Single(refused.Errors).Field);
        // One stored before the rule: its words, encoded, instead of an exception for every reader.
        Assert.Contains("x</p>", MarkdownRenderer.ToHtml(markdown));
        Assert.EndsWith("x", MarkdownRenderer.ToPlainText(markdown).Text.Trim());
    }

    [Theory]
    [InlineData("## Kop\n\n- een\n  - twee\n    - drie\n\n> citaat [link](https://example.nl)")]
    [InlineData("")]
    public void Ordinary_nesting_is_no_problem(string markdown) => Assert.Null(MarkdownRenderer.NestingProblem(markdown));

    [Fact]
    public void A_text_too_long_or_with_too_many_headings_is_refused_before_markdig_reads_it()
    {
        Assert.StartsWith("Tekst: hoogstens 100000 tekens", JasKnowledge.Core.Content.VersionText.BodyProblem(new string('a', 100_001)));
        var headings = string.Concat(Enumerable.Repeat("# a\n", 501));
        Assert.StartsWith("Tekst: hoogstens 500 koppen (nu 501)", JasKnowledge.Core.Content.VersionText.BodyProblem(headings));
        Assert.StartsWith("Tekst: hoogstens 500 koppen", JasKnowledge.Core.Content.VersionText.BodyProblem(string.Concat(Enumerable.Repeat("a\n=\n", 600))));
        Assert.Null(JasKnowledge.Core.Content.VersionText.BodyProblem(string.Concat(Enumerable.Repeat("## Kop\n\nTekst.\n\n", 400))));
    }

    [Fact]
    public void A_translated_unit_nested_too_deeply_is_a_units_problem_not_an_exception() =>
        Assert.Contains("te diep genest",
            JasKnowledge.Web.Features.Translations.TranslatedLayout.Problem("paragraph", "Tekst", string.Concat(Enumerable.Repeat("- ", 64)) + "x", "nl", "ar"));
}
