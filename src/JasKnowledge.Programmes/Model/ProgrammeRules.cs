using System.Text.RegularExpressions;
using JasKnowledge.Core.Formats;

namespace JasKnowledge.Programmes.Model;

/// <summary>A mistake in a programme, tied to the field it is about (the names of the edit form).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What makes a programme a programme. Checked before anything is saved, on import, in the
/// editor and for generated demo data alike; every broken field gets its own message.</summary>
public static partial class ProgrammeRules
{
    public const int MaxHoursPerWeek = 40;
    public const int MaxWeeksPerPeriod = 156;
    public const int MaxPeriods = 12;
    public const int MaxComponents = 40;
    public const int MaxPartners = 40;
    public const int MaxTextLength = 500;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}\\z")]
    private static partial Regex KeyPattern();

    public static IReadOnlyList<FieldError> Check(Programme programme)
    {
        var errors = new List<FieldError>();
        if (programme.Periods.Count == 0)
            errors.Add(new("periods", "Een programma heeft minstens één periode."));
        if (programme.Periods.Count > MaxPeriods)
            errors.Add(new("periods", $"Een programma heeft hoogstens {MaxPeriods} periodes."));
        for (var i = 0; i < programme.Periods.Count; i++)
        {
            var period = programme.Periods[i];
            var name = Excerpt.Of(programme.PeriodName(i + 1), 60);
            if (period.Weeks <= 0)
                errors.Add(new($"periods[{i}].weeks", $"{name}: het aantal weken moet 1 of meer zijn (nu {period.Weeks})."));
            else if (period.Weeks > MaxWeeksPerPeriod)
                errors.Add(new($"periods[{i}].weeks", $"{name}: hoogstens {MaxWeeksPerPeriod} weken (nu {period.Weeks})."));
            if (period.Hours <= 0)
                errors.Add(new($"periods[{i}].hours", $"{name}: het minimum aantal uren per week moet 1 of meer zijn (nu {period.Hours})."));
            else if (period.Hours > MaxHoursPerWeek)
                errors.Add(new($"periods[{i}].hours", $"{name}: hoogstens {MaxHoursPerWeek} uur per week (nu {period.Hours})."));
            CheckLength(errors, $"periods[{i}].name", $"{name}, naam", period.Name, 80, oneLine: true);
        }

        if (programme.Components.Count > MaxComponents)
            errors.Add(new("components", $"Een programma heeft hoogstens {MaxComponents} onderdelen."));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < programme.Components.Count; i++)
        {
            var component = programme.Components[i];
            var label = string.IsNullOrWhiteSpace(component.Name) ? $"Onderdeel {i + 1}" : Excerpt.Of(component.Name, 60);
            if (string.IsNullOrWhiteSpace(component.Name))
                errors.Add(new($"components[{i}].name", $"{label}: geef het onderdeel een naam."));
            CheckLength(errors, $"components[{i}].name", $"{label}, naam", component.Name, 120, oneLine: true);
            if (!KeyPattern().IsMatch(component.Key ?? ""))
                errors.Add(new($"components[{i}].key", $"{label}: de sleutel bestaat uit kleine letters, cijfers en '-' (zoals 'het-gesprek')."));
            else if (!keys.Add(component.Key!))
                errors.Add(new($"components[{i}].key", $"{label}: de sleutel '{component.Key}' komt al eerder voor."));
            if (component.Periods.Count == 0)
                errors.Add(new($"components[{i}].periods", $"{label}: kies minstens één periode waarin het onderdeel loopt."));
            foreach (var number in component.Periods.Where(n => n < 1 || n > programme.Periods.Count).Distinct())
                errors.Add(
                    new($"components[{i}].periods",
                    $"{label}: periode {number} bestaat niet (het programma heeft {programme.Periods.Count} periodes)."));
            CheckLength(errors, $"components[{i}].partner", $"{label}, partner", component.Partner, 200, oneLine: true);
            CheckLength(errors, $"components[{i}].note", $"{label}, toelichting", component.Note, MaxTextLength);
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < programme.Tracks.Count; i++)
        {
            CheckLength(errors, $"tracks[{i}].code", $"Spoor {i + 1}, letter of naam", programme.Tracks[i].Code, 80, oneLine: true);
            if (string.IsNullOrWhiteSpace(programme.Tracks[i].Code))
                errors.Add(new($"tracks[{i}].code", $"Spoor {i + 1}: geef het spoor een letter of naam."));
            else if (!codes.Add(programme.Tracks[i].Code.Trim()))
                errors.Add(new($"tracks[{i}].code", $"Spoor {programme.Tracks[i].Code} komt al eerder voor."));
            CheckLength(errors, $"tracks[{i}].description", $"Spoor {i + 1}, omschrijving", programme.Tracks[i].Description, MaxTextLength);
        }
        if (programme.Partners.Count > MaxPartners)
            errors.Add(new("partners", $"Partners: hoogstens {MaxPartners}, één per regel (nu {programme.Partners.Count})."));
        for (var i = 0; i < programme.Partners.Count; i++)
            CheckLength(errors, $"partners[{i}]", $"Partner {i + 1}", programme.Partners[i], 200, oneLine: true);
        CheckLength(errors, "contact", "Contact met de deelnemer", programme.Contact, MaxTextLength);
        CheckLength(errors, "under30", "Jongeren onder 30", programme.Under30, MaxTextLength);
        CheckLength(errors, "notes", "Toelichting bij het programma", programme.Notes, 4000);
        return errors;
    }

    /// <param name="label">The field as the form names it: the message also stands alone in the list above the form.</param>
    /// <param name="oneLine">A name or a line of a list (a partner): a line break in it would make two of one (typed by hand,
    /// through the form's list fields one per line, it cannot be).</param>
    /// <remarks>Also no direction override and no invisible control character, each said at its own field (the attack of 6
    /// December 2026 found them refused only as "Velden", for the record as a whole).</remarks>
    public static void CheckLength(List<FieldError> errors, string field, string label, string? value, int max, bool oneLine = false)
    {
        if (value is { Length: var length } && length > max)
            errors.Add(new(field, $"{label}: hoogstens {max} tekens (nu {length})."));
        else if (oneLine && ControlCharacters.HasLineBreak(value))
            errors.Add(new(field, $"{label}: één regel, zonder regeleinde."));
        else if (HiddenCharacters.Problem(label, value) is { } hidden)
            errors.Add(new(field, hidden));
    }
}
