using JasKnowledge.Core.Assets;
using JasKnowledge.Core.Content;

namespace JasKnowledge.Tests.Unit;

public sealed class AssetRulesTests
{
    private static readonly DateTime Day = new(2019, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static StoredFile File(char c) => new(StoredFile.KeyFor(new string(c, 64)), new string(c, 64), 10, "application/pdf");

    [Fact]
    public void A_new_revision_replaces_the_latest_and_old_revisions_stay()
    {
        var asset = new Asset { Slug = "het-gesprek", Culture = "nl", Title = "Het Gesprek" };
        var first = asset.AddRevision(File('a'), "1.0", "het-gesprek.pdf", null, Day);
        var second = asset.AddRevision(File('b'), "2.0", "het-gesprek.pdf", "Nieuwe sessie.", Day.AddYears(1));

        Assert.Same(second, asset.Latest);
        Assert.Equal(second.Id, first.ReplacedById);
        Assert.Equal(2, asset.Revisions.Count);
        Assert.Equal("sha256-" + new string('a', 64), first.BlobKey);
    }

    [Fact]
    public void A_version_label_is_used_once_because_published_files_never_change()
    {
        var asset = new Asset { Slug = "x", Culture = "nl", Title = "X" };
        asset.AddRevision(File('a'), "1.0", "x.pdf", null, Day);

        var error = Assert.Throws<ContentRuleException>(() => asset.AddRevision(File('b'), "1.0", "x.pdf", null, Day));
        Assert.Contains("heeft al een versie 1.0", error.Message);
        Assert.Single(asset.Revisions);
    }

    [Fact]
    public void Release_notes_hold_at_most_what_an_alert_notification_keeps()
    {
        var asset = new Asset { Slug = "x", Culture = "nl", Title = "X" };
        asset.AddRevision(File('a'), "1.0", "x.pdf", new string('n', AssetRevision.MaxReleaseNotes), Day);

        var error = Assert.Throws<ContentRuleException>(
            () => asset.AddRevision(File('b'), "2.0", "x.pdf", new string('n', AssetRevision.MaxReleaseNotes + 1), Day));
        Assert.Equal(ContentRule.ReleaseNotes, error.Rule);
        Assert.Contains("hoogstens 2000 tekens (nu 2001)", error.Message);
        Assert.Single(asset.Revisions);
    }

    [Theory]
    [InlineData("Nieuw\fhoofdstuk", "U+000C")]
    [InlineData("Nieuw\vhoofdstuk", "U+000B")]
    [InlineData("Nieuw\u001Bhoofdstuk", "U+001B")]
    [InlineData("Nieuw\u0085hoofdstuk", "U+0085")]
    public void Release_notes_with_an_invisible_control_character_are_refused_and_line_breaks_and_tabs_are_kept(string notes, string control)
    {
        var asset = new Asset { Slug = "x", Culture = "nl", Title = "X" };
        var error = Assert.Throws<ContentRuleException>(() => asset.AddRevision(File('a'), "1.0", "x.pdf", notes, Day));
        Assert.Contains($"stuurteken ({control})", error.Message);
        asset.AddRevision(File('b'), "1.0", "x.pdf", "Nieuw:\r\n\t- hoofdstuk 3\n- 😀 een teken buiten het basisvlak", Day);
        Assert.Single(asset.Revisions);
    }

    [Fact]
    public void Release_notes_with_a_control_that_turns_the_reading_direction_are_refused()
    {
        var asset = new Asset { Slug = "x", Culture = "ar", Title = "X" };
        var error = Assert.Throws<ContentRuleException>(() => asset.AddRevision(File('a'), "1.0", "x.pdf", "نسخة \u202Efdp.exe", Day));
        Assert.Equal(ContentRule.ReleaseNotes, error.Rule);
        Assert.Contains("(U+202E)", error.Message);
        Assert.Empty(asset.Revisions);
        // Dutch words in Arabic notes, set apart by isolates, are what a translator writes.
        asset.AddRevision(File('b'), "1.0", "x.pdf", "نسخة \u2066PDF 1.0\u2069 \u200Fجديدة", Day);
        Assert.Single(asset.Revisions);
    }

    [Fact]
    public void History_runs_from_the_newest_back_along_the_replaced_by_chain()
    {
        var asset = new Asset { Slug = "x", Culture = "nl", Title = "X" };
        asset.AddRevision(File('a'), "1.0", "x.pdf", null, Day);
        asset.AddRevision(File('b'), "1.1", "x.pdf", null, Day);
        asset.AddRevision(File('c'), "2.0", "x.pdf", null, Day);

        Assert.Equal(["2.0", "1.1", "1.0"], asset.NewestFirst().Select(r => r.VersionLabel));
        Assert.Equal("1.1", asset.Find("1.1")!.VersionLabel);
        Assert.Null(asset.Find("3.0"));
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("2023", true)]
    [InlineData("2.0-rc_1", true)]
    [InlineData("latest", false)]
    [InlineData("Latest", false)]
    [InlineData("", false)]
    [InlineData("..", false)]
    [InlineData("1..0", false)]
    [InlineData(".1", false)]
    [InlineData("1/0", false)]
    [InlineData("1%2F0", false)]
    [InlineData("1 0", false)]
    public void Version_labels_are_plain_names_that_fit_in_a_url(string label, bool valid)
    {
        Assert.Equal(valid, Asset.IsValidVersionLabel(label));
        var asset = new Asset { Slug = "x", Culture = "nl", Title = "X" };
        if (!valid) Assert.Throws<ContentRuleException>(() => asset.AddRevision(File('a'), label, "x.pdf", null, Day));
    }
}
