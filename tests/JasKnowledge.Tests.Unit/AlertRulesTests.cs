using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Web.Features.Alerts;

namespace JasKnowledge.Tests.Unit;

/// <summary>Issue 24: which addresses the alerts form accepts, and what a publication is about.</summary>
public sealed class AlertRulesTests
{
    [Theory]
    [InlineData("Naam@Voorbeeld.NL", "naam@voorbeeld.nl")]
    [InlineData("  a.b+c@example.org ", "a.b+c@example.org")]
    [InlineData("info@gemeente-leiden.nl", "info@gemeente-leiden.nl")]
    [InlineData("naam@bücher.de", "naam@bücher.de")]
    // The same mailbox as the DNS spells it is the same subscriber (it was refused until 6 December 2026).
    [InlineData("naam@xn--bcher-kva.de", "naam@bücher.de")]
    [InlineData("Naam@BÜCHER.de", "naam@bücher.de")]
    public void A_plain_address_is_accepted_in_lower_case(string input, string expected) =>
        Assert.Equal(expected, AlertAddress.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("geen-adres")]
    [InlineData("naam@localhost")]
    [InlineData("Naam <naam@voorbeeld.nl>")]
    [InlineData("a@b.nl, c@d.nl")]
    [InlineData("naam@voorbeeld..nl")]
    [InlineData("na am@voorbeeld.nl")]
    [InlineData("naam@[127.0.0.1]")]
    [InlineData("\"naam\"@voorbeeld.nl")]
    [InlineData("\"na@am\"@voorbeeld.nl")]
    [InlineData("naam@127.0.0.1")]
    [InlineData("naam@[IPv6:::1]")]
    [InlineData("naam@-voorbeeld.nl")]
    [InlineData("naam@voor_beeld.nl")]
    [InlineData("naam@voorbeeld.nl.")]
    [InlineData("naam@xn--.nl")]
    [InlineData("naam@xn--zz-.nl")]
    // A local part outside ASCII needs SMTPUTF8 of every relay on the way; the form refuses it rather than
    // saying "almost done" for a confirmation that may never arrive (the attack of 6 December 2026).
    [InlineData("pröbe@voorbeeld.nl")]
    [InlineData("ናሆም@voorbeeld.nl")]
    public void Anything_else_is_refused(string? input) => Assert.Null(AlertAddress.Normalize(input));

    [Fact]
    public void An_address_longer_than_254_characters_is_refused() =>
        Assert.Null(AlertAddress.Normalize(new string('a', 250) + "@x.nl"));

    [Fact]
    public void A_sheet_is_followed_per_language_and_handbook_chapters_together()
    {
        var topics = new AlertTopics([new FollowableType("info-sheet"), new FollowableType("handbook-chapter", "handboek")], []);
        var sheet = new ContentItem { Type = "info-sheet", Culture = "ar", LocalizationSet = "informatie/de-zorgverzekering",
            Slug = "de-zorgverzekering" };
        var chapter = new ContentItem { Type = "handbook-chapter", Culture = "nl", LocalizationSet = "handboek/intro", Slug = "intro" };
        var page = new ContentItem { Type = "page", Culture = "nl", LocalizationSet = "pages/over", Slug = "over" };
        Assert.Equal(("item:informatie/de-zorgverzekering", "ar"), topics.Of(sheet));
        Assert.Equal(("handboek", (string?)null), topics.Of(chapter));
        Assert.Null(topics.Of(page));
    }
}
