using JasKnowledge.Web.Features.Translations;
using JasKnowledge.Core.Translations;

namespace JasKnowledge.Tests.Unit;

public sealed class XliffTests
{
    private const string Body = """
        Vraag je een **uitkering** aan? Dan krijg je een klantmanager.
        Hij of zij helpt je.

        ## Kun je niet komen?

        - Bel de [gemeente](https://www.example.nl/gemeente) op tijd.
        - Neem je `BSN` mee.

        | Wat | Wanneer |
        | --- | --- |
        | Gesprek | elke *week* |

        ```
        # geen kop
        ```
        """;

    [Fact]
    public void A_text_splits_into_one_unit_per_block_and_joins_back_unchanged()
    {
        var units = MarkdownUnits.Of(Body);

        Assert.Equal(
            ["paragraph", "heading", "list-item", "list-item", "table-cell", "table-cell", "table-cell", "table-cell"],
            units.Units.Select(u => u.Kind));
        Assert.Equal("Vraag je een **uitkering** aan? Dan krijg je een klantmanager.\nHij of zij helpt je.", units.Units[0].Text);
        Assert.Equal("Kun je niet komen?", units.Units[2].Section);
        Assert.Equal(Body, units.Join(units.Units.Select(u => u.Text).ToList()));
        Assert.Contains("## Kan je niet?", units.Join(units.Units.Select(u => u.Kind == "heading" ? "Kan je niet?" : u.Text).ToList()));
    }

    [Fact]
    public void A_list_item_wrapped_over_lines_is_one_unit_and_its_translation_stays_in_the_item()
    {
        const string body = "## Wat u hier vindt\n\n- **Voor trainers:** de bijeenkomsten, met doelen en\n  hand-outs voor uw groep.\n- Kort.\n\nSlot.\n";
        var units = MarkdownUnits.Of(body);

        Assert.Equal(["heading", "list-item", "list-item", "paragraph"], units.Units.Select(u => u.Kind));
        Assert.Equal("**Voor trainers:** de bijeenkomsten, met doelen en\nhand-outs voor uw groep.", units.Units[1].Text);
        Assert.Equal(body, units.Join(units.Units.Select(u => u.Text).ToList()));
        // Wrapped where the Dutch was, and where it was not: each line stays under its item's text.
        var translated = units.Join(["What you find here", "**For trainers:** the sessions,\nwith goals.", "Short,\nreally.", "End."]);
        Assert.Contains("- **For trainers:** the sessions,\n  with goals.\n- Short,\n  really.\n\nEnd.", translated);
    }

    [Fact]
    public void Emphasis_links_and_code_travel_as_inline_codes_and_come_back_as_markdown()
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 3,
            MarkdownUnits.Of(Body).Units.Select((u, i) => new XliffUnit($"b{i + 1}", u.Text, null, "needs-translation", ["context"])).ToList())]);

        Assert.Contains("<bpt id=\"1\" ctype=\"bold\">**</bpt>uitkering<ept id=\"1\">**</ept>", xml);
        Assert.Contains("<ept id=\"1\">](https://www.example.nl/gemeente)</ept>", xml);
        Assert.Contains("<ph id=\"1\" ctype=\"x-code\">`BSN`</ph>", xml);
        var read = XliffDocument.Read(xml, "ar");
        Assert.Equal(3, read[0].SourceVersion);
        Assert.Equal(MarkdownUnits.Of(Body).Units.Select(u => u.Text), read[0].Units.Select(u => u.Source));
        Assert.All(read[0].Units, u => Assert.Null(u.Target));
    }

    [Fact]
    public void A_unit_that_starts_with_an_inline_code_comes_back_exactly_as_its_source()
    {
        // As in every sheet's word list: "- **de mentor**: een vrijwilliger …".
        const string entry = "**de mentor**: een vrijwilliger die je op weg helpt.";
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 1,
            [new XliffUnit("b1", entry, null, "needs-translation", []), new XliffUnit("b2", "`BSN`", "`BSN`", "translated", [])])]);

        var read = XliffDocument.Read(xml, "ar");
        Assert.Equal([entry, "`BSN`"], read[0].Units.Select(u => u.Source));
        Assert.Equal("`BSN`", read[0].Units[1].Target);
        Assert.True(xml.Split('\n').Length > 10, "the file stays readable, one element a line");
    }

    [Fact]
    public void A_target_that_breaks_an_inline_code_is_refused_with_its_unit_and_line()
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 1,
            [new XliffUnit("b1", "Bel de [gemeente](https://www.example.nl).", null, "needs-translation", [])])]);
        var broken = xml.Replace("<target state=\"needs-translation\" />", "<target>اتصل بالبلدية.</target>");

        var error = Assert.Throws<XliffFormatException>(() => XliffDocument.Read(broken, "ar"));
        Assert.Equal("b1", error.Unit);
        Assert.True(error.Line > 1);
        Assert.Contains("opmaakcodes", error.Message);
    }

    [Fact]
    public void A_target_written_back_as_plain_markdown_counts_only_with_the_same_markers()
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 1,
            [new XliffUnit("b1", "Bel de [gemeente](https://www.example.nl).", null, "needs-translation", [])])]);

        var kept = XliffDocument.Read(xml.Replace("<target state=\"needs-translation\" />",
            "<target>اتصل بـ[البلدية](https://www.example.nl).</target>"), "ar");
        Assert.Equal("اتصل بـ[البلدية](https://www.example.nl).", kept[0].Units[0].Target);
        Assert.Throws<XliffFormatException>(() => XliffDocument.Read(
            xml.Replace("<target state=\"needs-translation\" />", "<target>اتصل بـ[البلدية](https://kwaad.example).</target>"), "ar"));
    }

    /// <summary>Found by the attack of 6 December 2026: with the codes intact, Markdown typed as text between them became a
    /// real link or emphasis in the draft.</summary>
    [Theory]
    [InlineData("[kijk hier](https://kwaad.example) ", "](https://kwaad.example)")]
    [InlineData("**let op** ", "**")]
    [InlineData("_let op_ ", "_")]
    public void Markdown_typed_as_text_next_to_intact_codes_is_refused(string typed, string marker)
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 1,
            [new XliffUnit("b1", "Bel de [gemeente](https://www.example.nl).", "اتصل بـ[البلدية](https://www.example.nl).", "translated", [])])]);
        Assert.Equal("اتصل بـ[البلدية](https://www.example.nl).", XliffDocument.Read(xml, "ar")[0].Units[0].Target);
        var typedIn = xml.Replace("<target state=\"translated\">اتصل", $"<target state=\"translated\">{System.Security.SecurityElement.Escape(typed)}اتصل");
        Assert.NotEqual(xml, typedIn);

        var error = Assert.Throws<XliffFormatException>(() => XliffDocument.Read(typedIn, "ar"));
        Assert.Equal("b1", error.Unit);
        Assert.Contains("als tekst getypt", error.Message);
        Assert.Contains(marker, error.Message);
    }

    [Theory]
    [InlineData("paragraph", "Eén zin.\nNog een regel van dezelfde alinea.", null)]
    [InlineData("list-item", "Een punt dat over\ntwee regels loopt.", null)]
    [InlineData("heading", "Kun je niet komen?", null)]
    [InlineData("table-cell", "elke week", null)]
    [InlineData("title", "Het gesprek", null)]
    [InlineData("paragraph", "\nMet een regeleinde van het programma eromheen.\n", null)]
    [InlineData("paragraph", "Eén zin.\n\nEen tweede alinea.", "nieuw blok")]
    [InlineData("paragraph", "Eén zin.\n- een nieuw punt", "nieuw blok")]
    [InlineData("list-item", "Een punt\n1. en nog een", "nieuw blok")]
    [InlineData("paragraph", "Eén zin.\n# Een kop", "nieuw blok")]
    [InlineData("paragraph", "Eén zin.\r# Een kop na een losse CR", "nieuw blok")]
    [InlineData("heading", "Wie\r# nog een kop", "één regel")]
    [InlineData("paragraph", "Eén zin.\n> een citaat", "nieuw blok")]
    [InlineData("paragraph", "- Een lijst in plaats van een alinea", "nieuw blok")]
    [InlineData("paragraph", "Eén zin.\n| a | b |", "nieuw blok")]
    [InlineData("paragraph", "Eén zin.\n```", "nieuw blok")]
    [InlineData("paragraph", "    Een codeblok door vier spaties", "nieuw blok")]
    [InlineData("paragraph", "Een kop van twee regels\n---", "alleen - = * of _")]
    [InlineData("list-item", "Een punt\r===", "alleen - = * of _")]
    [InlineData("paragraph", "***", "alleen - = * of _")]
    [InlineData("paragraph", "[x]:\nhttps://kwaad.example\nTekst [klik][x]", "linkdefinitie")]
    [InlineData("paragraph", "[a\\]b]: https://kwaad.example", "linkdefinitie")]
    [InlineData("heading", "Een kop\nover twee regels", "één regel")]
    [InlineData("title", "Een titel\nover twee regels", "één regel")]
    [InlineData("table-cell", "een | twee", "geen |")]
    // Inline Markdown the codes' own pattern does not know (the attack of 6 December 2026).
    [InlineData("paragraph", "Tekst [kwaad](https://kwaad.example \"t\") eind.", "link https://kwaad.example \"t\"")]
    [InlineData("paragraph", "Tekst [kwaad]( https://kwaad.example) eind.", "link https://kwaad.example")]
    [InlineData("paragraph", "Tekst [a [b] c](https://kwaad.example)", "link https://kwaad.example")]
    [InlineData("paragraph", "[kwaad\nlink](https://kwaad.example)", "link https://kwaad.example")]
    [InlineData("paragraph", "Tekst <https://kwaad.example>", "link https://kwaad.example")]
    [InlineData("paragraph", "Tekst ![](https://kwaad.example/a.png)", "afbeelding https://kwaad.example/a.png")]
    [InlineData("paragraph", "__sterk__", "nadruk __")]
    [InlineData("paragraph", "foo*bar*baz", "nadruk *")]
    [InlineData("paragraph", "~~s~~", "nadruk ~~")]
    [InlineData("paragraph", "==m==", "nadruk ==")]
    [InlineData("paragraph", "Tekst  \nnieuwe regel", "harde regelovergang")]
    [InlineData("paragraph", "Tekst\\\nnieuwe regel", "harde regelovergang")]
    public void A_translation_keeps_its_units_layout_as_the_portal_renders_it(string kind, string translation, string? problem)
    {
        var found = TranslatedLayout.Problem(kind, "Een zin van de bron.", translation, "nl", "ar");
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Theory]
    [InlineData("Bel de [gemeente](https://www.example.nl) op tijd.", "اتصل بـ[البلدية](https://www.example.nl) في الوقت.", null)]
    [InlineData("Lees [open data](/nl/open-data).", "اقرأ [البيانات](/ar/open-data).", null)]
    [InlineData("Kom **op tijd**.", "تعال **في الوقت**.", null)]
    [InlineData("Kom **op tijd**.", "تعال في الوقت.", "werkt in de vertaling niet meer (nadruk **)")]
    [InlineData("Lees [open data](/nl/open-data).", "اقرأ [البيانات](/ar/andere-pagina).", "link /{language}/andere-pagina")]
    public void Links_and_emphasis_of_the_source_are_kept_and_a_link_to_the_own_languages_page_counts_as_the_same(
        string source, string translation, string? problem)
    {
        var found = TranslatedLayout.Problem("paragraph", source, translation, "nl", "ar");
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    private const string Table = "Hoe het portaal ervoor staat:\n\n| Eis | Stand |\n| --- | --- |\n| Kleurcontrast | Voldoet |\n| Toetsenbord | Voldoet |";

    /// <summary>The second attack of 6 December 2026: each cell passed on its own, and joined they made a link to another site
    /// (a code span over the "|" swallowed the first "]"), or merged two cells.</summary>
    [Theory]
    [InlineData("[Report a problem here ` ]", "` ](https://evil.example/login)", "erbij: link https://evil.example/login")]
    [InlineData("`click", "here` ok", "erbij: code")]
    public void Units_that_make_layout_only_together_are_refused_when_joined(string first, string second, string problem)
    {
        var units = MarkdownUnits.Of(Table);
        var texts = units.Units.Select(u => u.Text).ToList();
        Assert.All(texts, text => Assert.Null(TranslatedLayout.Problem("table-cell", text, text, "nl", "en")));
        var cells = units.Units.Select((u, i) => (u, i)).Where(p => p.u.Kind == "table-cell").Select(p => p.i).ToList();
        texts[cells[4]] = first;
        texts[cells[5]] = second;
        Assert.Null(TranslatedLayout.Problem("table-cell", "Voldoet", first, "nl", "en") ?? TranslatedLayout.Problem("table-cell", "Voldoet", second, "nl", "en"));

        var joined = TranslatedLayout.JoinedProblem(Table, units.Join(texts), "nl", "en");

        Assert.Contains(problem, joined);
        Assert.Null(TranslatedLayout.JoinedProblem(Table, units.Join(units.Units.Select(u => "ع " + u.Text).ToList()), "nl", "en"));
    }

    [Fact]
    public void A_link_definition_is_kept_as_it_is_and_only_the_text_is_a_unit()
    {
        const string body = "Lees het beleid [op deze pagina][beleid].\n\n[beleid]: https://www.rijksoverheid.nl\n\nDat is alles.";
        var units = MarkdownUnits.Of(body);
        Assert.Equal(["Lees het beleid [op deze pagina][beleid].", "Dat is alles."], units.Units.Select(u => u.Text));
        var translated = units.Join(["Read the policy [on this page][beleid].", "That is all."]);
        Assert.Equal("Read the policy [on this page][beleid].\n\n[beleid]: https://www.rijksoverheid.nl\n\nThat is all.", translated);
        Assert.Null(TranslatedLayout.JoinedProblem(body, translated, "nl", "en"));
        // A reference link typed into another unit finds the definition: a link the Dutch text does not have there.
        Assert.Contains("erbij: link https://www.rijksoverheid.nl",
            TranslatedLayout.JoinedProblem(body, units.Join(["Read the policy [on this page][beleid].", "That is [all][beleid]."]), "nl", "en"));
    }

    /// <summary>A translation links to the page in its own language, and the export writes its current text as the target:
    /// re-importing an export unchanged was refused for every translated link (the back-office attack of 6 December 2026).</summary>
    [Fact]
    public void A_link_to_the_same_page_in_the_target_language_keeps_its_code_and_any_other_address_does_not()
    {
        const string source = "Zie [open data](/nl/open-data) en [de gemeente](/nl/gemeenten/leiden#programma).";
        string File(string target) => XliffDocument.Write("nl", "en", [new XliffItem("pages/test", "page", 1,
            [new XliffUnit("b1", source, target, "translated", [])])]);

        var localized = XliffDocument.Read(File("See [open data](/en/open-data) and [the municipality](/en/gemeenten/leiden#programma)."), "en");
        Assert.Equal("See [open data](/en/open-data) and [the municipality](/en/gemeenten/leiden#programma).", localized[0].Units[0].Target);
        Assert.Single(XliffDocument.Read(File("See [open data](/nl/open-data) and [the municipality](/nl/gemeenten/leiden#programma)."), "en"));

        // Another language's page, another page, or another address is a changed code.
        foreach (var changed in new[]
        {
            "See [open data](/ar/open-data) and [the municipality](/en/gemeenten/leiden#programma).",
            "See [open data](/en/downloads) and [the municipality](/en/gemeenten/leiden#programma).",
            "See [open data](https://evil.example/en/open-data) and [the municipality](/en/gemeenten/leiden#programma).",
        })
            Assert.Throws<XliffFormatException>(() => XliffDocument.Read(File(changed), "en"));
    }

    [Fact]
    public void Interface_strings_travel_as_a_resx_file_with_their_names_and_protected_placeholders()
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("interface/Ui", "interface", 0,
            [new XliffUnit("EditionVersion", "Editie {0}, {1}", null, "needs-translation", ["interfacetekst (Ui.resx)"])],
            DataType: XliffDocument.Resx)]);

        Assert.Contains("datatype=\"resx\"", xml);
        Assert.DoesNotContain("source-version", xml);
        Assert.Contains("resname=\"EditionVersion\"", xml);
        Assert.Contains("Editie <ph id=\"1\" ctype=\"x-placeholder\">{0}</ph>, <ph id=\"2\" ctype=\"x-placeholder\">{1}</ph>", xml);

        var filled = XliffDocument.Read(xml.Replace("<target state=\"needs-translation\" />",
            "<target state=\"translated\"><ph id=\"2\" ctype=\"x-placeholder\">{1}</ph> ،الطبعة "
            + "<ph id=\"1\" ctype=\"x-placeholder\">{0}</ph></target>"), "ar");
        Assert.True(filled[0].IsInterface);
        Assert.Equal("{1} ،الطبعة {0}", filled[0].Units[0].Target);

        // A translation that drops a placeholder would show a sentence without its number: that string is refused, on its own.
        var dropped = XliffDocument.Read(xml.Replace("<target state=\"needs-translation\" />",
            "<target>الطبعة <ph id=\"1\" ctype=\"x-placeholder\">{0}</ph></target>"), "ar")[0].Units[0];
        Assert.Contains("{0} {1}, niet {0}", JasKnowledge.Web.Features.Translations.InterfaceTexts.TextProblem(dropped.Source, dropped.Target!));
    }

    /// <summary>The second attack of 6 December 2026: a placeholder typed without its code refused the whole file with a
    /// message about formatting codes. An interface string is taken or skipped on its own (InterfaceTexts.Check).</summary>
    [Fact]
    public void An_interface_string_with_a_placeholder_typed_as_text_is_read_for_its_own_check()
    {
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("interface/Ui", "interface", 0,
            [new XliffUnit("SearchQueryCut", "Ingekort tot {0} tekens", null, "needs-translation", [])], DataType: XliffDocument.Resx)]);
        var typed = xml.Replace("<target state=\"needs-translation\" />", "<target>{0:X} حرف</target>");

        var unit = XliffDocument.Read(typed, "ar")[0].Units[0];

        Assert.Equal("{0:X} حرف", unit.Target);
        Assert.Contains("plaatshouders", JasKnowledge.Web.Features.Translations.InterfaceTexts.TextProblem(unit.Source, unit.Target!));
    }

    [Fact]
    public void A_translation_that_puts_the_codes_in_another_order_keeps_the_ids_of_its_source()
    {
        // Found by a translate-toolkit round trip of the Arabic interface strings: "{1} … {0}" came back refused.
        var xml = XliffDocument.Write("nl", "ar", [new XliffItem("informatie/test", "info-sheet", 1,
        [
            new XliffUnit("b1", "{0} resultaten voor {1}", "{1} :{0} نتيجة", "translated", []),
            new XliffUnit("b2", "Bel [de gemeente](https://a.example) of [de mentor](https://b.example).",
                "اتصل بـ[المرشد](https://b.example) أو [البلدية](https://a.example).", "translated", []),
        ])]);

        Assert.Contains("<target state=\"translated\"><ph id=\"2\" ctype=\"x-placeholder\">{1}</ph> :<ph id=\"1\"", xml);
        var read = XliffDocument.Read(xml, "ar");
        Assert.Equal("{1} :{0} نتيجة", read[0].Units[0].Target);
        Assert.Equal("اتصل بـ[المرشد](https://b.example) أو [البلدية](https://a.example).", read[0].Units[1].Target);
    }

    [Theory]
    [InlineData("<xliff", "geen geldige XML")]
    [InlineData("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a & b\"/></xliff>",
        "staat er een & die als &amp; geschreven moet worden")]
    [InlineData("<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"/>", "XLIFF 1.2")]
    public void A_file_that_is_not_xliff_1_2_says_so(string xml, string message)
    {
        Assert.Contains(message, Assert.Throws<XliffFormatException>(() => XliffDocument.Read(xml, "ar")).Message);
    }

    [Fact]
    public void A_file_for_another_language_is_refused()
    {
        var xml = XliffDocument.Write("nl", "fa",
            [new XliffItem("informatie/test", "info-sheet", 1, [new XliffUnit("title", "Titel", null, "needs-translation", [])])]);

        Assert.Contains("'fa'", Assert.Throws<XliffFormatException>(() => XliffDocument.Read(xml, "ar")).Message);
    }

    [Fact]
    public void Units_line_up_with_an_older_text_changed_ones_keep_the_unit_they_replaced()
    {
        var map = UnitAlignment.Map(["Een.", "Twee.", "Drie."], ["Een.", "Twee, anders.", "Nieuw.", "Drie."]);

        Assert.Equal([(0, false), (1, true), (null, true), (2, false)], map.Select(m => (m.From, m.Changed)));
    }
}
