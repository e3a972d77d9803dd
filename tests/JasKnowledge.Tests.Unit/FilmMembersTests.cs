using JasKnowledge.Core.Assets;
using JasKnowledge.Web.Features.Media;

namespace JasKnowledge.Tests.Unit;

/// <summary>Which file families are a film's own, and so found in the search through the film's page.</summary>
public sealed class FilmMembersTests
{
    [Theory]
    [InlineData("nl", "je-mentor-video", "video/mp4", true)]
    [InlineData("nl", "je-mentor-video-360p", "video/mp4", true)]
    [InlineData("nl", "je-mentor-poster", "image/jpeg", true)]
    [InlineData("nl", "je-mentor-poster-webp", "image/webp", true)]
    [InlineData("nl", "je-mentor-thumbnail-webp", "image/webp", true)]
    // A printed campaign poster is a file of its own, named like a film's picture or not.
    [InlineData("nl", "campagne-poster", "application/pdf", false)]
    [InlineData("nl", "je-mentor-pdf", "application/pdf", false)]
    // A film's files are shared by every language and kept under Dutch.
    [InlineData("ar", "je-mentor-poster", "image/jpeg", false)]
    public void A_film_file_is_named_like_one_and_holds_that_kind_of_file(string culture, string slug, string mediaType, bool member)
    {
        var asset = new Asset { Slug = slug, Culture = culture, Title = slug };
        asset.Revisions.Add(new AssetRevision
            { VersionLabel = "1", BlobKey = "k", Sha256 = new string('0', 64), MediaType = mediaType, FileName = "f" });

        Assert.Equal(member, FilmMembers.IsMember(asset));
    }

    [Fact]
    public void A_family_without_a_version_is_no_film_file() =>
        Assert.False(FilmMembers.IsMember(new Asset { Slug = "je-mentor-poster", Culture = "nl", Title = "x" }));
}
