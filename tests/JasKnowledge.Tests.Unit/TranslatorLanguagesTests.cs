using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Accounts;

namespace JasKnowledge.Tests.Unit;

/// <summary>What is stored as a translator's languages: the portal's own codes in the menu's order, never Dutch.</summary>
public sealed class TranslatorLanguagesTests
{
    private static readonly CultureCatalog Cultures = new(
        new[] { "nl", "en", "ar", "ti", "prs", "fa", "so", "uk" }.Select(code => new CultureDefinition { Code = code }).ToList());

    [Fact]
    public void A_translators_languages_are_stored_as_the_portal_writes_them_in_the_menus_order_once_each()
    {
        Assert.Equal(("ar ti uk", (AccountProblem?)null), TranslatorLanguages.Check(PortalRoles.Translator, ["UK", "ti", " AR ", "uk", ""], Cultures));
        Assert.Equal(["ar", "ti", "uk"], TranslatorLanguages.Of("ar ti uk"));
    }

    [Fact]
    public void No_languages_means_every_language_and_is_stored_as_none()
    {
        Assert.Equal((null, null), TranslatorLanguages.Check(PortalRoles.Translator, [], Cultures));
        Assert.Equal((null, null), TranslatorLanguages.Check(PortalRoles.Translator, null, Cultures));
        Assert.Empty(TranslatorLanguages.Of(null));
        Assert.Empty(TranslatorLanguages.Of("  "));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("NL")]
    [InlineData("de")]
    [InlineData("ar;drop table")]
    public void Dutch_and_languages_the_portal_does_not_have_are_refused_with_the_languages_it_has(string code)
    {
        var (stored, problem) = TranslatorLanguages.Check(PortalRoles.Translator, ["ar", code], Cultures);
        Assert.Null(stored);
        Assert.NotNull(problem);
        Assert.Contains("geen taal van het portaal om naar te vertalen", problem.Dutch);
        Assert.Contains("en, ar, ti, prs, fa, so, uk", problem.Dutch);
        Assert.DoesNotContain("nl,", problem.English);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Administrator)]
    [InlineData(PortalRoles.MunicipalEditor)]
    public void Another_role_keeps_no_languages_even_when_the_form_still_has_them_ticked(string role) =>
        Assert.Equal((null, null), TranslatorLanguages.Check(role, ["ar", "nl"], Cultures));
}
