using System.Globalization;
using JasKnowledge.Core.Localization;
using JasKnowledge.Web.Hosting.Localization;
using Microsoft.AspNetCore.Http;

namespace JasKnowledge.Tests.Unit;

public sealed class CultureTests
{
    private static readonly CultureCatalog Catalog = new([
        new CultureDefinition { Code = "nl", NativeName = "Nederlands" },
        new CultureDefinition { Code = "en", NativeName = "English", Fallback = ["nl"] },
        new CultureDefinition { Code = "ar", NativeName = "العربية", Direction = "rtl", Fallback = ["en", "nl"] },
        new CultureDefinition { Code = "fa", NativeName = "فارسی", Direction = "rtl", Fallback = ["prs", "en", "nl"] },
        new CultureDefinition { Code = "prs", NativeName = "دری", Direction = "rtl", DotNetCulture = "fa-AF", Fallback = ["fa", "en", "nl"] },
    ]);

    [Fact]
    public void The_fallback_chain_starts_with_the_language_and_ends_with_the_default_once()
    {
        Assert.Equal(["prs", "fa", "en", "nl"], Catalog.FallbackChain("prs"));
        Assert.Equal(["nl"], Catalog.FallbackChain("nl"));
        Assert.Equal(["nl"], Catalog.FallbackChain("xx"));
    }

    [Theory]
    [InlineData("fa")]
    [InlineData("prs")]
    [InlineData("ar")]
    public void Dates_use_the_gregorian_calendar_in_every_language(string code)
    {
        var culture = Catalog.FormattingCulture(code);
        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        Assert.Contains("2026", new DateTime(2026, 11, 22).ToString("yyyy", culture));
    }

    [Fact]
    public void Dari_formats_with_the_afghan_persian_culture()
    {
        Assert.Equal("fa-AF", Catalog.FormattingCulture("prs").Name);
    }

    [Fact]
    public void A_fallback_that_is_not_configured_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CultureCatalog([new CultureDefinition { Code = "nl", Fallback = ["de"] }]));
        Assert.Contains("'de'", error.Message);
    }

    [Theory]
    [InlineData(null, null, "nl")]
    [InlineData("ar-SA,en;q=0.8", null, "ar")]
    [InlineData("de-DE,en;q=0.5", null, "en")]
    [InlineData("en;q=0.2,ar;q=0.9", null, "ar")]
    [InlineData("fa-AF", null, "prs")]
    [InlineData("ar", "en", "en")]
    [InlineData("ar", "xx", "ar")]
    [InlineData("garbage;;;q=abc", null, "nl")]
    public void The_preferred_language_is_the_remembered_choice_then_the_browser_then_the_default(
        string? acceptLanguage, string? cookie, string expected)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null) context.Request.Headers.AcceptLanguage = acceptLanguage;
        if (cookie is not null) context.Request.Headers.Cookie = $"{LocalizationSetup.PreferenceCookie}={cookie}";

        Assert.Equal(expected, PreferredCulture.Choose(context.Request, Catalog).Code);
    }
}
