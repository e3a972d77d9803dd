using JasKnowledge.Core.Translations;
using JasKnowledge.Core.Recipe;

namespace JasKnowledge.Tests.Unit;

public sealed class GlossaryTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "content");
    private static readonly string[] Languages = ["nl", "en", "ar", "ti", "fa", "prs", "so", "uk"];
    private static readonly Glossary Shipped = Glossary.Load(Content, Languages);

    [Fact]
    public void The_shipped_glossary_reads_without_problems_and_has_the_key_terms_in_every_language()
    {
        Assert.Empty(Shipped.Problems);
        string[] required =
        [
            "Het Gesprek", "Participatieverklaring", "klantmanager", "statushouder", "inburgering", "stage", "mentor",
            "zorgverzekering", "eigen risico", "huisarts", "uitkering", "werk", "opleiding", "24x24", "trainer", "gemeente",
            "Dienst Toeslagen", "zorgtoeslag",
        ];
        Assert.Empty(required.Except(Shipped.Terms.Select(t => t.Term)));
        Assert.All(Shipped.Terms, t => Assert.Equal(Languages.Order(), t.Languages.Keys.Order()));
        Assert.Contains("bijstand", Shipped.Terms.Single(t => t.Term == "uitkering").In("nl")!.Variants);
    }

    [Fact]
    public void Each_agreed_form_occurs_in_the_material_of_its_language()
    {
        // The glossary follows the sheets and subtitles; a form no file of its language uses is a guess.
        var notInMaterial = new List<string>();
        foreach (var term in Shipped.Terms)
        {
            foreach (var (culture, entry) in term.Languages)
            {
                var material = string.Join('\n', Directory.EnumerateFiles(Path.Combine(Content, "informatie"), $"*.{culture}.md")
                    .Concat(Directory.EnumerateFiles(Path.Combine(Content, "video"), $"*.{culture}.*"))
                    .Select(File.ReadAllText));
                if (entry.Note is null && !new Glossary([term], []).TermsIn(material, culture).Any())
                    notInMaterial.Add($"{term.Term} ({culture}): {entry.Form}");
            }
        }
        Assert.Empty(notInMaterial);
    }

    [Fact]
    public void A_broken_file_is_refused_with_its_line()
    {
        var e = Assert.Throws<RecipeFormatException>(() => GlossaryFile.Parse("woordenlijst/x.yml", """
            term: stage
            order: 1
            dutchInBrackets: true
            languages:
              nl:
                form: stage
            """, ["nl"]));
        Assert.Equal(6, e.Problem.Line);
        Assert.Contains("explanation", e.Problem.Message);

        var missing = Assert.Throws<RecipeFormatException>(() => GlossaryFile.Parse("woordenlijst/x.yml", """
            term: stage
            order: 1
            dutchInBrackets: ja
            languages: {}
            """, ["nl"]));
        Assert.Equal(3, missing.Problem.Line);

        var yaml = Assert.Throws<RecipeFormatException>(() => GlossaryFile.Parse("woordenlijst/x.yml", "term: [stage\norder: 1", ["nl"]));
        Assert.Equal("woordenlijst/x.yml", yaml.Problem.Path);
    }

    [Fact]
    public void A_term_without_every_language_is_refused()
    {
        var e = Assert.Throws<RecipeFormatException>(() => GlossaryFile.Parse("woordenlijst/x.yml", """
            term: stage
            order: 1
            dutchInBrackets: true
            languages:
              nl: { form: stage, explanation: Een tijd waarin je leert werken. }
            """, ["nl", "ar"]));
        Assert.Contains("'ar'", e.Message);
    }

    [Fact]
    public void A_broken_file_in_the_folder_is_reported_and_the_others_still_load()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var terms = Directory.CreateDirectory(Path.Combine(folder.FullName, GlossaryFile.Folder)).FullName;
            File.WriteAllText(Path.Combine(terms, "goed.yml"),
                "term: stage\norder: 1\ndutchInBrackets: true\nlanguages:\n  nl: { form: stage, explanation: Leren werken. }\n");
            File.WriteAllText(Path.Combine(terms, "kapot.yml"), "term: mentor\norder: x\n");
            var glossary = Glossary.Load(folder.FullName, ["nl"]);
            Assert.Equal("stage", Assert.Single(glossary.Terms).Term);
            var problem = Assert.Single(glossary.Problems);
            Assert.Equal(("woordenlijst/kapot.yml", 2), (problem.Path, problem.Line));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("nl", "Heb je een vraag? Stel die aan je klantmanager of je mentor.", new[] { "klantmanager", "mentor" })]
    [InlineData("nl", "Je zoekt samen met de gemeente een stageplaats. Stages duren kort.", new[] { "stage", "gemeente" })]
    [InlineData("nl", "Vrijwilligerswerk is goed.", new string[0])]
    [InlineData("ar", "اسأل مسؤول ملفك عن التأمين الصحي.", new[] { "klantmanager", "zorgverzekering" })]
    [InlineData("uk", "Поговоріть зі своїм куратором.", new[] { "klantmanager" })]
    [InlineData("fa", "«گفت‌وگو» (Het Gesprek)", new[] { "Het Gesprek" })]
    public void Terms_in_a_text_are_found_in_its_language(string culture, string text, string[] expected) =>
        Assert.Equal(expected.Order(), Shipped.TermsIn(text, culture).Select(t => t.Term).Order());

    [Fact]
    public void A_term_in_any_language_becomes_the_Dutch_term_and_the_visitors_form()
    {
        Assert.Equal(["\"zorgverzekering\"", "\"تأمين صحي\""], Shipped.Synonyms("Health Insurance", "nl", "ar"));
        Assert.Equal(["\"zorgverzekering\"", "\"health insurance\""], Shipped.Synonyms("التأمين الصحي", "nl", "en"));
        Assert.Equal(["\"تأمين صحي\""], Shipped.Synonyms("zorgverzekering", "nl", "ar"));
        Assert.Equal(["kosten \"zorgverzekering\""], Shipped.Synonyms("kosten health insurance", "nl", "nl"));
        Assert.Equal(["\"uitkering\""], Shipped.Synonyms("bijstand", "nl", "nl"));
        Assert.Empty(Shipped.Synonyms("fiets", "nl", "ar"));
        Assert.Empty(Shipped.Synonyms("zorgverzekering", "nl", "nl"));
    }

    [Fact]
    public void A_term_with_little_words_written_onto_it_is_replaced_whole()
    {
        // The Arabic article and "and" (العمل, والعمل: the work, and the work), Tigrinya "to" (ንስራሕ): the word as a
        // whole becomes the term; what was written onto it is not left behind as a word of its own that must also occur.
        Assert.Equal(["\"werk\""], Shipped.Synonyms("العمل", "nl", "ar"));
        Assert.Equal(["\"werk\"", "\"work\""], Shipped.Synonyms("والعمل", "nl", "en"));
        Assert.Equal(["\"werk\""], Shipped.Synonyms("ንስራሕ", "nl", "ti"));
        Assert.Equal(["\"werk\" في ليدن"], Shipped.Synonyms("العمل في ليدن", "nl", "ar"));
        Assert.Equal(["\"werk\""], Shipped.Synonyms("للعمل", "nl", "ar"));
        // Not little words but the start of another word: "he used" (استعمل), "jobless" (بیکار) are not work.
        Assert.Empty(Shipped.Synonyms("استعمل", "nl", "ar"));
        Assert.Empty(Shipped.Synonyms("بیکار", "nl", "fa"));
    }

    [Fact]
    public void A_translation_keeps_the_Dutch_term_in_brackets_where_agreed()
    {
        Assert.Equal("health insurance (zorgverzekering)", Shipped.Terms.Single(t => t.Term == "zorgverzekering").Written("en", "nl"));
        Assert.Equal("municipality", Shipped.Terms.Single(t => t.Term == "gemeente").Written("en", "nl"));
        Assert.Equal("mentor", Shipped.Terms.Single(t => t.Term == "mentor").Written("en", "nl"));
    }
}
