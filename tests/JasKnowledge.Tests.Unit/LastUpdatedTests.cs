using JasKnowledge.Core.Content;
using JasKnowledge.Web.Features.Pages;

namespace JasKnowledge.Tests.Unit;

/// <summary>"Bijgewerkt op" counts what readers must know about, as GOV.UK's "Last updated" does: a correction (a minor
/// version) does not move the date.</summary>
public sealed class LastUpdatedTests
{
    private static ContentVersion Version(int number, bool major, int day) => new()
    {
        Number = number, Title = "Blad", Body = "Tekst.", Author = "test", IsMajor = major,
        State = VersionState.Superseded, PublishedUtc = new DateTime(2026, 11, day, 9, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void The_date_is_that_of_the_newest_major_version()
    {
        Assert.Equal(new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc),
            PublishedPageModel.LastUpdate([Version(1, true, 2), Version(2, true, 10), Version(3, false, 20), Version(4, false, 25)]));
    }

    [Fact]
    public void Without_a_major_version_the_first_publication_counts() =>
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
            PublishedPageModel.LastUpdate([Version(1, false, 2), Version(2, false, 10)]));

    [Fact]
    public void Nothing_published_has_no_date() => Assert.Null(PublishedPageModel.LastUpdate([]));
}
