namespace JasKnowledge.Programmes.Model;

public enum ChangeKind { Added, Removed, Changed }

/// <summary>One difference between two programmes: what (a period, a component, a setting), and the
/// value before and after; Before is null for an addition, After for a removal.</summary>
public sealed record ProgrammeChange(ChangeKind Kind, string Subject, string? Before, string? After);

/// <summary>
/// What a configuration changed against its blueprint (or a blueprint against its previous version).
/// Periods are compared by position, because they follow each other; components by their key, so
/// that moving one to other periods or renaming it reads as a change.
/// </summary>
public static class ProgrammeDiff
{
    private const string NameChange = ": naam";

    /// <summary>Only a period or component called differently: the same programme under another name.</summary>
    public static bool IsRename(ProgrammeChange change) =>
        change.Kind == ChangeKind.Changed && change.Subject.EndsWith(NameChange, StringComparison.Ordinal);

    public static IReadOnlyList<ProgrammeChange> Compare(Programme before, Programme after)
    {
        var changes = new List<ProgrammeChange>();
        var periods = Math.Max(before.Periods.Count, after.Periods.Count);
        for (var i = 0; i < periods; i++)
        {
            var subject = $"Periode {i + 1}";
            if (i >= before.Periods.Count)
            {
                changes.Add(new(ChangeKind.Added, subject, null, Describe(after, i)));
                continue;
            }
            if (i >= after.Periods.Count)
            {
                changes.Add(new(ChangeKind.Removed, subject, Describe(before, i), null));
                continue;
            }
            var (old, now) = (before.Periods[i], after.Periods[i]);
            if (old.Weeks != now.Weeks) changes.Add(new(ChangeKind.Changed, $"{subject}: weken", Weeks(old.Weeks), Weeks(now.Weeks)));
            if (old.Hours != now.Hours) changes.Add(
                new(ChangeKind.Changed, $"{subject}: uren per week", $"minstens {old.Hours}", $"minstens {now.Hours}"));
            if (!SameText(before.PeriodName(i + 1), after.PeriodName(i + 1)))
                changes.Add(new(ChangeKind.Changed, subject + NameChange, before.PeriodName(i + 1), after.PeriodName(i + 1)));
        }

        // DistinctBy: a record saved before a rule existed must not break the pages that compare it.
        var oldComponents = before.Components.DistinctBy(c => c.Key).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var newComponents = after.Components.DistinctBy(c => c.Key).ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var component in before.Components.Where(c => !newComponents.ContainsKey(c.Key)))
            changes.Add(new(ChangeKind.Removed, $"Onderdeel: {component.Name}", PeriodList(component.Periods), null));
        foreach (var component in after.Components)
        {
            if (!oldComponents.TryGetValue(component.Key, out var old))
            {
                changes.Add(new(ChangeKind.Added, $"Onderdeel: {component.Name}", null, PeriodList(component.Periods)));
                continue;
            }
            var subject = $"Onderdeel: {component.Name}";
            if (!SameText(old.Name, component.Name)) changes.Add(new(ChangeKind.Changed, subject + NameChange, old.Name, component.Name));
            if (!old.Periods.Order().SequenceEqual(component.Periods.Order()))
                changes.Add(new(ChangeKind.Changed, $"{subject}: periodes", PeriodList(old.Periods), PeriodList(component.Periods)));
            if (!SameText(old.Partner, component.Partner)) changes.Add(Setting($"{subject}: partner", old.Partner, component.Partner));
            if (!SameText(old.Note, component.Note)) changes.Add(Setting($"{subject}: toelichting", old.Note, component.Note));
        }

        if (!SameText(before.Contact, after.Contact)) changes.Add(Setting("Contact met de deelnemer", before.Contact, after.Contact));
        if (!SameText(before.Under30, after.Under30)) changes.Add(Setting("Jongeren onder 30", before.Under30, after.Under30));
        var oldTracks = before.Tracks.DistinctBy(t => t.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var newTracks = after.Tracks.DistinctBy(t => t.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var track in before.Tracks.Where(t => !newTracks.ContainsKey(t.Code)))
            changes.Add(new(ChangeKind.Removed, $"Spoor {track.Code}", track.Description, null));
        foreach (var track in after.Tracks)
        {
            if (!oldTracks.TryGetValue(track.Code, out var old)) changes.Add(new(ChangeKind.Added, $"Spoor {track.Code}", null, track.Description));
            else if (!SameText(old.Description, track.Description)) changes.Add(
                new(ChangeKind.Changed, $"Spoor {track.Code}", old.Description, track.Description));
        }
        foreach (var partner in before.Partners.Where(p => !after.Partners.Contains(p, StringComparer.OrdinalIgnoreCase)))
            changes.Add(new(ChangeKind.Removed, "Partner", partner, null));
        foreach (var partner in after.Partners.Where(p => !before.Partners.Contains(p, StringComparer.OrdinalIgnoreCase)))
            changes.Add(new(ChangeKind.Added, "Partner", null, partner));
        if (!SameText(before.Notes, after.Notes)) changes.Add(Setting("Toelichting", before.Notes, after.Notes));
        return changes;
    }

    /// <summary>"periode 1, 2 en 3" / "periode 4".</summary>
    public static string PeriodList(IEnumerable<int> periods)
    {
        var numbers = periods.Distinct().Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Count switch
        {
            0 => "geen periode",
            1 => $"periode {numbers[0]}",
            _ => $"periode {string.Join(", ", numbers[..^1])} en {numbers[^1]}",
        };
    }

    private static string Describe(Programme programme, int index) =>
        $"{programme.PeriodName(index + 1)}: {Weeks(programme.Periods[index].Weeks)}, minstens {programme.Periods[index].Hours} uur per week";

    private static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weken";

    private static ProgrammeChange Setting(string subject, string? before, string? after) =>
        string.IsNullOrWhiteSpace(before) ? new(ChangeKind.Added, subject, null, after)
        : string.IsNullOrWhiteSpace(after) ? new(ChangeKind.Removed, subject, before, null)
        : new(ChangeKind.Changed, subject, before, after);

    private static bool SameText(string? a, string? b) =>
        string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);
}
