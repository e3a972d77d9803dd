using JasKnowledge.Core.Recipe;
using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>What a configuration changed against its blueprint: periods compared by position, components
/// by key (so a move or a rename reads as a change), and the settings, tracks and partners.</summary>
public sealed class ProgrammeDiffTests
{
    private static Programme Base() => new()
    {
        Periods =
        [
            new() { Weeks = 12, Hours = 24 },
            new() { Weeks = 12, Hours = 24 },
            new() { Weeks = 24, Hours = 24 },
        ],
        Components =
        [
            new() { Key = "klantmanager", Name = "Gesprekken met de klantmanager", Periods = [1, 2, 3], Partner = "Werk en Inkomen" },
            new() { Key = "het-gesprek", Name = "Het Gesprek", Periods = [1, 2] },
        ],
        Contact = "Elke 1 tot 4 weken.",
        Tracks = [new() { Code = "A", Description = "Het ideale spoor." }],
        Partners = ["VluchtelingenWerk"],
    };

    private static ProgrammeChange SingleChange(Programme after) => Assert.Single(ProgrammeDiff.Compare(Base(), after));

    [Fact]
    public void Identical_programmes_have_no_changes()
    {
        Assert.Empty(ProgrammeDiff.Compare(Base(), Base()));
    }

    [Fact]
    public void A_lengthened_period_is_a_change_of_its_weeks()
    {
        var after = Base();
        after.Periods[0].Weeks = 16;

        Assert.Equal(new ProgrammeChange(ChangeKind.Changed, "Periode 1: weken", "12 weken", "16 weken"), SingleChange(after));
    }

    [Fact]
    public void Changed_hours_are_a_change_of_the_hours_a_week()
    {
        var after = Base();
        after.Periods[1].Hours = 32;

        Assert.Equal(new ProgrammeChange(ChangeKind.Changed, "Periode 2: uren per week", "minstens 24", "minstens 32"), SingleChange(after));
    }

    [Fact]
    public void An_added_period_is_added_with_its_weeks_and_hours()
    {
        var after = Base();
        after.Periods.Add(new() { Weeks = 48, Hours = 20 });

        var change = SingleChange(after);
        Assert.Equal(ChangeKind.Added, change.Kind);
        Assert.Equal("Periode 4", change.Subject);
        Assert.Null(change.Before);
        Assert.Equal("Periode 4: 48 weken, minstens 20 uur per week", change.After);
    }

    [Fact]
    public void A_removed_period_is_removed_with_what_it_was()
    {
        var after = Base();
        after.Periods.RemoveAt(2);

        var change = SingleChange(after);
        Assert.Equal(ChangeKind.Removed, change.Kind);
        Assert.Equal("Periode 3", change.Subject);
        Assert.Equal("Periode 3: 24 weken, minstens 24 uur per week", change.Before);
        Assert.Null(change.After);
    }

    [Fact]
    public void An_added_component_is_added_with_its_periods()
    {
        var after = Base();
        after.Components.Add(new() { Key = "mentorproject", Name = "Mentorproject", Periods = [3, 1, 2] });

        Assert.Equal(new ProgrammeChange(ChangeKind.Added, "Onderdeel: Mentorproject", null, "periode 1, 2 en 3"), SingleChange(after));
    }

    [Fact]
    public void A_removed_component_is_removed_with_its_periods()
    {
        var after = Base();
        after.Components.RemoveAt(1);

        Assert.Equal(new ProgrammeChange(ChangeKind.Removed, "Onderdeel: Het Gesprek", "periode 1 en 2", null), SingleChange(after));
    }

    [Fact]
    public void A_component_moved_to_other_periods_is_a_change_of_its_periods()
    {
        var after = Base();
        after.Components[1].Periods = [3];

        Assert.Equal(new ProgrammeChange(ChangeKind.Changed, "Onderdeel: Het Gesprek: periodes", "periode 1 en 2", "periode 3"), SingleChange(after));
    }

    [Fact]
    public void The_same_periods_in_another_order_are_no_move()
    {
        var after = Base();
        after.Components[1].Periods = [2, 1];

        Assert.Empty(ProgrammeDiff.Compare(Base(), after));
    }

    [Fact]
    public void A_renamed_component_with_the_same_key_is_a_change_of_its_name_not_an_addition_and_a_removal()
    {
        var after = Base();
        after.Components[1].Name = "De training Het Gesprek";

        var change = SingleChange(after);
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.EndsWith(": naam", change.Subject);
        Assert.Equal("Het Gesprek", change.Before);
        Assert.Equal("De training Het Gesprek", change.After);
        Assert.True(ProgrammeDiff.IsRename(change));
    }

    [Fact]
    public void Only_a_change_of_name_counts_as_a_rename()
    {
        var after = Base();
        after.Components[1].Name = "De training Het Gesprek";
        after.Components[1].Periods = [1];
        var changes = ProgrammeDiff.Compare(Base(), after);
        Assert.Equal(2, changes.Count);
        Assert.Single(changes, ProgrammeDiff.IsRename);
    }

    [Fact]
    public void An_added_partner_is_added()
    {
        var after = Base();
        after.Partners.Add("Sportverenigingen");

        Assert.Equal(new ProgrammeChange(ChangeKind.Added, "Partner", null, "Sportverenigingen"), SingleChange(after));
    }

    [Fact]
    public void A_removed_partner_is_removed()
    {
        var after = Base();
        after.Partners.Clear();

        Assert.Equal(new ProgrammeChange(ChangeKind.Removed, "Partner", "VluchtelingenWerk", null), SingleChange(after));
    }

    [Fact]
    public void A_component_given_another_partner_is_a_change_of_its_partner()
    {
        var after = Base();
        after.Components[0].Partner = "Werkgeversservicepunt";

        Assert.Equal(
            new ProgrammeChange(ChangeKind.Changed, "Onderdeel: Gesprekken met de klantmanager: partner", "Werk en Inkomen", "Werkgeversservicepunt"),
            SingleChange(after));
    }

    [Fact]
    public void Tracks_are_added_removed_and_changed_by_their_code()
    {
        var added = Base();
        added.Tracks.Add(new() { Code = "B", Description = "Een alternatief spoor." });
        var removed = Base();
        removed.Tracks.Clear();
        var changed = Base();
        changed.Tracks[0].Description = "Naar onderwijs of werk.";

        Assert.Equal(new ProgrammeChange(ChangeKind.Added, "Spoor B", null, "Een alternatief spoor."), SingleChange(added));
        Assert.Equal(new ProgrammeChange(ChangeKind.Removed, "Spoor A", "Het ideale spoor.", null), SingleChange(removed));
        Assert.Equal(new ProgrammeChange(ChangeKind.Changed, "Spoor A", "Het ideale spoor.", "Naar onderwijs of werk."), SingleChange(changed));
    }

    [Fact]
    public void Contact_is_changed_removed_and_added_as_a_setting()
    {
        var changed = Base();
        changed.Contact = "Elke week.";
        var removed = Base();
        removed.Contact = null;

        Assert.Equal(new ProgrammeChange(ChangeKind.Changed, "Contact met de deelnemer", "Elke 1 tot 4 weken.", "Elke week."), SingleChange(changed));
        Assert.Equal(new ProgrammeChange(ChangeKind.Removed, "Contact met de deelnemer", "Elke 1 tot 4 weken.", null), SingleChange(removed));
        Assert.Equal(
            new ProgrammeChange(ChangeKind.Added, "Contact met de deelnemer", null, "Elke 1 tot 4 weken."),
            Assert.Single(ProgrammeDiff.Compare(removed, Base())));
    }

    [Theory]
    [InlineData(new[] { 1 }, "periode 1")]
    [InlineData(new[] { 2, 1 }, "periode 1 en 2")]
    [InlineData(new[] { 3, 1, 2, 2 }, "periode 1, 2 en 3")]
    [InlineData(new int[0], "geen periode")]
    public void A_period_list_reads_as_dutch(int[] periods, string expected)
    {
        Assert.Equal(expected, ProgrammeDiff.PeriodList(periods));
    }

    private static Programme ShippedBlueprint(string name)
    {
        var path = $"programmas/blauwdrukken/{name}.nl.md";
        var file = ContentFile.Parse(path, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", path)));
        return ProgrammeJson.Read<BlueprintFields>(file.Text.Fields).Programme;
    }

    /// <summary>The 2019 text makes the plan as a "maatwerkprogramma" beside the basic programme (seed 002); the diff showed the
    /// trajectplan of 2016 as removed, which no source says (fact check of 6 December 2026).</summary>
    [Fact]
    public void The_2019_blueprint_adds_a_fifth_period_and_keeps_the_trajectplan_as_the_maatwerkprogramma()
    {
        var before = ShippedBlueprint("24x24-2016");
        var after = ShippedBlueprint("leidse-inburgering-2019");
        var trajectplan = Assert.Single(before.Components, c => c.Key == "trajectplan");
        var maatwerk = Assert.Single(after.Components, c => c.Key == "trajectplan");

        var changes = ProgrammeDiff.Compare(before, after);

        Assert.Contains(changes, c => c is { Kind: ChangeKind.Added, Subject: "Periode 5", Before: null });
        Assert.DoesNotContain(changes, c => c.Kind == ChangeKind.Removed && c.Subject.Contains(trajectplan.Name, StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.Before == trajectplan.Name && c.After == maatwerk.Name);
        Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.Subject == $"Onderdeel: {maatwerk.Name}: periodes"
            && c.Before == ProgrammeDiff.PeriodList(trajectplan.Periods));
    }
}
