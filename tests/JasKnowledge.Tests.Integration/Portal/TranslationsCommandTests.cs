using JasKnowledge.Web.Features.Translations;
using System.Xml.Linq;
using JasKnowledge.Core.Translations;
using JasKnowledge.Tests.Integration.Infrastructure;

namespace JasKnowledge.Tests.Integration.Portal;

/// <summary>The XLIFF work as a command, through the portal's executable: export writes an XLIFF 1.2
/// file; an import of a file for another language is refused with its line and changes nothing.</summary>
public sealed class TranslationsCommandTests
{
    [Fact]
    public async Task Export_writes_xliff_and_a_bad_import_names_file_and_line_and_exits_1()
    {
        var folder = Directory.CreateTempSubdirectory("jas-xliff-").FullName;
        try
        {
            var output = Path.Combine(folder, "ar.xlf");
            var (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "export", "--lang", "ar", "--out", output);
            Assert.True(exitCode == 0, error);
            Assert.Contains("<xliff version=\"1.2\"", await File.ReadAllTextAsync(output));

            var wrong = Path.Combine(folder, "fa.xlf");
            await File.WriteAllTextAsync(wrong, """
                <?xml version="1.0" encoding="utf-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:jas="urn:jasknowledge:xliff">
                  <file original="informatie/je-mentor" source-language="nl" target-language="fa" datatype="x-markdown" jas:source-version="1">
                    <body/>
                  </file>
                </xliff>
                """);
            (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "import", "--lang", "ar", "--in", wrong);
            Assert.Equal(1, exitCode);
            Assert.Contains($"{wrong}:3", error);
            Assert.Contains("Nothing was changed.", error);

            (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "export", "--lang", "xx", "--out", output);
            Assert.Equal(2, exitCode);
            Assert.Contains("--lang", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_import_with_resx_writes_the_checked_interface_strings_into_that_languages_resx_file()
    {
        var folder = Directory.CreateTempSubdirectory("jas-xliff-resx-").FullName;
        try
        {
            var output = Path.Combine(folder, "prs.xlf");
            var (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "export", "all", "--lang", "prs", "--out", output);
            Assert.True(exitCode == 0, error);
            var document = XDocument.Load(output);
            var strings = document.Root!.Elements(InlineCodes.Xliff + "file").Single(f => (string?)f.Attribute("original") == "interface/Ui");
            document.Root.Elements(InlineCodes.Xliff + "file").Where(f => f != strings).Remove();
            var unit = strings.Descendants(InlineCodes.Xliff + "trans-unit").First();
            unit.ElementsAfterSelf().Remove();
            unit.Element(InlineCodes.Xliff + "target")!.Value = "متن تازه";
            document.Save(output);

            // Without --resx the strings are checked and reported, not written.
            (exitCode, var said, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "import", "--lang", "prs", "--in", output);
            Assert.True(exitCode == 0, error);
            Assert.Contains("1 interface strings passed the checks and were not written", said);

            var resources = Directory.CreateDirectory(Path.Combine(folder, "Resources")).FullName;
            (exitCode, _, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "import", "--lang", "prs", "--in", output, "--resx", resources);
            Assert.Equal(2, exitCode);
            Assert.Contains("no Ui.resx there", error);

            await File.WriteAllTextAsync(Path.Combine(resources, "Ui.resx"),
                "<root><resheader name=\"resmimetype\"><value>text/microsoft-resx</value></resheader></root>");
            (exitCode, said, error) = await PortalProcess.RunAsync(new Dictionary<string, string>(),
                "translations", "import", "--lang", "prs", "--in", output, "--resx", resources);
            Assert.True(exitCode == 0, error);
            Assert.Contains("1 interface strings written to", said);
            var data = XDocument.Load(Path.Combine(resources, "Ui.fa-AF.resx")).Root!.Elements("data").Single();
            Assert.Equal((string)unit.Attribute("id")!, (string)data.Attribute("name")!);
            Assert.Equal("متن تازه", (string)data.Element("value")!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
