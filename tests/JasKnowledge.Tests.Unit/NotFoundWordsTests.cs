using JasKnowledge.Web.Hosting.Errors;

namespace JasKnowledge.Tests.Unit;

/// <summary>The words a 404 page puts in its search box: the last segment of the missing address, as plain words.</summary>
public sealed class NotFoundWordsTests
{
    [Theory]
    [InlineData("/ar/informatie/je-mentr", "mentr")]                 // the slug's small Dutch words are not searched for
    [InlineData("/nl/informatie/het-gesprek-en-de-participatie", "gesprek participatie")]
    [InlineData("/nl/handboek/sessie-3-solidariteit/", "sessie 3 solidariteit")]
    [InlineData("/nl/en", "en")]                                       // unless nothing else is left
    [InlineData("/uk/informatie/біг", "біг")]                          // a short word in another script stays
    [InlineData("/nl/programmas", "programmas")]
    [InlineData("/ti/video/ኣማኻሪ", "ኣማኻሪ")]
    [InlineData("/fa/اطلاعات/بیمه_درمانی", "بیمه درمانی")]
    [InlineData("/nl/<script>alert(1)</script>", "script")]     // a path's "/" ends the segment: only what follows counts
    [InlineData("/nl/a.b.c.d.e.f.g", "a b c d e")]               // five words at most (all small, so all kept)
    [InlineData("/", "")]
    [InlineData("/nl/---", "")]
    public void The_last_segment_becomes_words(string path, string words) => Assert.Equal(words, ErrorModel.WordsOf(path));

    [Fact]
    public void A_word_is_cut_at_40_characters() =>
        Assert.Equal(new string('a', 40), ErrorModel.WordsOf("/nl/" + new string('a', 500)));
}
