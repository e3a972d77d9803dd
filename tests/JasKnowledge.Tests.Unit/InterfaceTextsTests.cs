using System.Xml.Linq;
using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Translations;
using JasKnowledge.Web.Features.Translations;

namespace JasKnowledge.Tests.Unit;

/// <summary>Interface strings as translation work (issue 23 point 5): what the export holds, what an
/// import accepts, and the resx file the command writes.</summary>
public sealed class InterfaceTextsTests
{
    private static readonly CultureCatalog Cultures = new(
    [
        new CultureDefinition { Code = "nl" },
        new CultureDefinition { Code = "ar", Direction = "rtl" },
        new CultureDefinition { Code = "prs", Direction = "rtl", DotNetCulture = "fa-AF" },
    ]);
    private static readonly InterfaceTexts Texts = new(Cultures,
        Glossary.Load(Path.Combine(AppContext.BaseDirectory, "content"), ["nl", "ar", "prs"]));

    [Fact]
    public void The_export_holds_the_strings_a_language_lacks_or_all_of_them_with_their_translations()
    {
        var dutch = InterfaceTexts.Dutch();
        Assert.True(dutch.Count > 200);
        // Every shipped language has every string today: nothing is left to do, so no interface file.
        Assert.Null(Texts.Item("ar", everything: false));
        Assert.Empty(Texts.Missing("ar"));

        var all = Texts.Item("ar", everything: true)!;
        Assert.True(all.IsInterface);
        Assert.Equal(dutch.Select(e => e.Key), all.Units.Select(u => u.Id));
        Assert.All(all.Units, u => Assert.Equal("translated", u.State));
        var withPlaceholder = all.Units.Single(u => u.Id == dutch.First(e => e.Value.Contains("{0}", StringComparison.Ordinal)).Key);
        Assert.Contains(withPlaceholder.Notes, n => n.Contains("laat ze staan", StringComparison.Ordinal));
    }

    [Fact]
    public void An_import_takes_units_whose_source_is_this_builds_string_and_refuses_an_unknown_name()
    {
        var (name, source) = InterfaceTexts.Dutch()[0];
        var item = new XliffItem(InterfaceTexts.Set, InterfaceTexts.Type, 0,
        [
            new XliffUnit(name, source, "نص", "translated", [], 3),
            new XliffUnit(InterfaceTexts.Dutch()[1].Key, "een oudere Nederlandse tekst", "نص قديم", "translated", [], 9),
            new XliffUnit(InterfaceTexts.Dutch()[2].Key, InterfaceTexts.Dutch()[2].Value, null, "needs-translation", [], 12),
        ], DataType: XliffDocument.Resx);

        var (ready, skipped) = Texts.Check(item);
        Assert.Equal([new KeyValuePair<string, string>(name, "نص")], ready);
        Assert.Equal(2, skipped.Count);
        Assert.Contains("veranderd sinds de export (regel 9)", skipped[0].Reason);
        Assert.Contains("geen vertaling (regel 12)", skipped[1].Reason);

        var twice = item with { Units = [item.Units[0], item.Units[0] with { Line = 15 }] };
        var doubled = Assert.Throws<XliffFormatException>(() => Texts.Check(twice));
        Assert.Contains("staat twee keer in het bestand", doubled.Message);
        Assert.Equal(15, doubled.Line);

        var unknown = item with { Units = [new XliffUnit("BestaatNiet", "x", "y", "translated", [], 4)] };
        var error = Assert.Throws<XliffFormatException>(() => Texts.Check(unknown));
        Assert.Equal("BestaatNiet", error.Unit);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("Stap {0} van {1}", "الخطوة {0} من {1}", null)]
    [InlineData("Stap {0} van {1}", "{1} من {0}", null)]
    [InlineData("Bewaard om {0:HH:mm}", "Saved at {0:HH:mm}", null)]
    [InlineData("Geen plaatshouder", "Gebruik {{ en }} gewoon", null)]
    [InlineData("Stap {0}", "{0}, en nog eens {0}", null)]
    [InlineData("Stap {0} van {1}", "Step {0}", "{0} {1}, niet {0}")]
    [InlineData("Stap {0}", "Step {0} of {1}", "{0}, niet {0} {1}")]
    [InlineData("Stap {0}", "Step 1", "{0}, niet geen")]
    [InlineData("Zonder", "Met {0}", "geen, niet {0}")]
    [InlineData("Stap {0}", "Step {0} {", "geen plaatshouder is")]
    [InlineData("Stap {0}", "Step {0} }x", "geen plaatshouder is")]
    [InlineData("Stap {0}", "Step \u202E{0}", "leesrichting")]
    // A placeholder's format and alignment are the Dutch string's (the attack of 6 December 2026: {0:Z} throws for a number,
    // {0:X} shows it in hexadecimal, {0,999999} writes a million spaces).
    [InlineData("Ingekort tot {0} tekens", "Cut to {0:Z} characters", "{0}, niet {0:Z}")]
    [InlineData("Ingekort tot {0} tekens", "Cut to {0:X} characters", "{0}, niet {0:X}")]
    [InlineData("Ingekort tot {0} tekens", "Cut to {0,999999} characters", "niet {0,999999}")]
    [InlineData("Ingekort tot {0} tekens", "Cut to {0 } characters", "niet {0 }")]
    [InlineData("Bewaard om {0:HH:mm}", "Saved at {0}", "{0:HH:mm}, niet {0}")]
    [InlineData("Stap {0}", "Step \u000B{0}", "stuurteken")]
    [InlineData("Ingekort tot {0} tekens", "Cut to {0} {0000:Z} characters", "niet {0000:Z} {0}")]
    [InlineData("Ingekort tot {0} tekens", "Cut to {0000,99999} characters", "niet {0000,99999}")]
    public void A_translation_keeps_the_placeholders_of_its_dutch_string_and_formats(string source, string translation, string? problem)
    {
        var found = InterfaceTexts.TextProblem(source, translation);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void Every_shipped_translation_of_an_interface_string_passes_the_import_rule()
    {
        var all = new InterfaceTexts(new CultureCatalog(
            new[] { "nl", "en", "ar", "ti", "prs", "fa", "so", "uk" }.Select(code => new CultureDefinition { Code = code, DotNetCulture = code == "prs" ? "fa-AF" : "" })
                .ToList()), Glossary.Load(Path.Combine(AppContext.BaseDirectory, "content"), ["nl"]));
        var dutch = InterfaceTexts.Dutch().ToDictionary(e => e.Key, e => e.Value);
        var checkedCount = 0;
        foreach (var language in new[] { "en", "ar", "ti", "prs", "fa", "so", "uk" })
            foreach (var (name, text) in all.In(language))
            {
                Assert.True(InterfaceTexts.TextProblem(dutch[name], text) is null, $"{language} {name}: {InterfaceTexts.TextProblem(dutch[name], text)}");
                checkedCount++;
            }
        Assert.True(checkedCount > 7 * 200, $"only {checkedCount} strings checked");
    }

    [Fact]
    public void An_import_skips_a_translation_with_a_placeholder_lost_and_says_where()
    {
        var (name, source) = InterfaceTexts.Dutch().First(e => e.Value.Contains("{0}", StringComparison.Ordinal));
        var item = new XliffItem(InterfaceTexts.Set, InterfaceTexts.Type, 0,
            [new XliffUnit(name, source, source.Replace("{0}", "{1}", StringComparison.Ordinal), "translated", [], 7)], DataType: XliffDocument.Resx);
        var (ready, skipped) = Texts.Check(item);
        Assert.Empty(ready);
        Assert.Contains("plaatshouders", Assert.Single(skipped).Reason);
        Assert.Contains("(regel 7)", skipped[0].Reason);
    }

    [Fact]
    public void The_command_writes_into_the_languages_resx_keeping_every_other_string()
    {
        var folder = Directory.CreateTempSubdirectory("jas-resx-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Ui.resx"), Resx(("Hallo", "Hallo"), ("Dag", "Dag")));
            File.WriteAllText(Path.Combine(folder, "Ui.ar.resx"), Resx(("Hallo", "مرحبا"), ("Dag", "وداعا قديم")));
            var before = File.ReadAllLines(Path.Combine(folder, "Ui.ar.resx"));

            var written = Texts.WriteResx(folder, "ar", [new("Dag", "وداعا"), new("Nieuw", "جديد")]);
            Assert.Equal(Path.Combine(folder, "Ui.ar.resx"), written);
            Assert.Equal(
                [("Hallo", "مرحبا"), ("Dag", "وداعا"), ("Nieuw", "جديد")],
                Strings(written));
            Assert.NotNull(XDocument.Load(written).Root!.Element("resheader"));
            // The file keeps its layout, so a reviewer's diff shows only the strings that changed.
            var lines = File.ReadAllLines(written);
            Assert.Equal(["    <value>وداعا قديم</value>"], before.Except(lines));
            Assert.Equal(
                ["<?xml version=\"1.0\" encoding=\"utf-8\"?>", "    <value>وداعا</value>", "  <data name=\"Nieuw\" xml:space=\"preserve\">",
                    "    <value>جديد</value>"],
                lines.Except(before));

            // Dari's resources carry .NET's culture name; a language without a file gets one with the Dutch headers.
            written = Texts.WriteResx(folder, "prs", [new("Hallo", "سلام")]);
            Assert.Equal(Path.Combine(folder, "Ui.fa-AF.resx"), written);
            Assert.Equal([("Hallo", "سلام")], Strings(written));
            Assert.NotNull(XDocument.Load(written).Root!.Element("resheader"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string, string)> Strings(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => ((string)d.Attribute("name")!, (string)d.Element("value")!)).ToList();

    private static string Resx(params (string Name, string Value)[] strings) => new XDocument(new XElement("root",
        new XElement("resheader", new XAttribute("name", "resmimetype"), new XElement("value", "text/microsoft-resx")),
        strings.Select(s => new XElement("data", new XAttribute("name", s.Name), new XAttribute(XNamespace.Xml + "space", "preserve"),
            new XElement("value", s.Value))))).ToString();
}
