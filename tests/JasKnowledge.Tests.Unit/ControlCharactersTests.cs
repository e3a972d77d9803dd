using JasKnowledge.Core.Formats;

namespace JasKnowledge.Tests.Unit;

/// <summary>Invisible control characters: which a text may hold, and what XML of text saved before the rule gets.</summary>
public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("Gewone tekst, met tab\ten regels\r\n", true, null)]
    [InlineData("ورقة \u2068Het Gesprek\u2069 \u200F😀", true, null)]
    [InlineData("Regel\nregel", false, "U+000A")]
    [InlineData("Zacht\vafgebroken", true, "U+000B")]
    [InlineData("\0", true, "U+0000")]
    [InlineData("DEL\u007F", true, "U+007F")]
    [InlineData("C1\u009B", true, "U+009B")]
    [InlineData("\uFFFE", true, "U+FFFE")]
    public void The_first_refused_character_is_named(string text, bool lineBreaks, string? control) =>
        Assert.Equal(control, ControlCharacters.First(text, lineBreaks));

    /// <summary>Built here, not in attributes: the test runner turns half a surrogate pair in an attribute into U+FFFD.</summary>
    [Fact]
    public void Half_a_surrogate_pair_is_refused_and_a_whole_one_kept()
    {
        Assert.Equal("U+DE00", ControlCharacters.First("half " + (char)0xDE00 + " een paar"));
        Assert.Equal("U+D83D", ControlCharacters.First("einde " + (char)0xD83D));
        Assert.Null(ControlCharacters.First("heel " + (char)0xD83D + (char)0xDE00));
        Assert.Equal("a\uFFFD", ControlCharacters.ForXml("a" + (char)0xD800));
    }

    [Fact]
    public void Xml_gets_a_replacement_mark_for_each_and_keeps_the_rest()
    {
        Assert.Equal("a\uFFFDb\n\tc😀", ControlCharacters.ForXml("a\fb\n\tc😀"));
        var same = "niets aan de hand";
        Assert.Same(same, ControlCharacters.ForXml(same));
        // What the feed writes must be XML 1.0.
        _ = System.Xml.XmlConvert.VerifyXmlChars(ControlCharacters.ForXml("\u0001\u0008\u000B\u000C\u001F\uFFFE"));
    }
}
