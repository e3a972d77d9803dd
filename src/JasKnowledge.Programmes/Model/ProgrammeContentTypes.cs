using System.Text.RegularExpressions;
using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;

namespace JasKnowledge.Programmes.Model;

/// <summary>The module's content types and the rules for their fields.</summary>
public static class ProgrammeContentTypes
{
    public const string Blueprint = "blauwdruk";
    public const string Municipality = "gemeente-programma";
    public const string Outcomes = "uitkomsten";
    /// <summary>The module's pages are in Dutch only: its readers are Dutch civil servants.</summary>
    public const string Culture = "nl";
    public const string MunicipalitySetPrefix = "programmas/gemeenten/";
    public const string BlueprintSetPrefix = "programmas/blauwdrukken/";
}

public sealed class BlueprintFieldRules : IContentFieldRules
{
    public string Type => ProgrammeContentTypes.Blueprint;

    public IReadOnlyList<ContentFieldError> Check(VersionText text) => FieldRules.Guard(() =>
    {
        var fields = ProgrammeJson.Read<BlueprintFields>(text.Fields);
        var errors = new List<ContentFieldError>();
        if (string.IsNullOrWhiteSpace(fields.Family)) errors.Add(new("family", "Name the method this blueprint is a version of (family)."));
        if (string.IsNullOrWhiteSpace(fields.Version)) errors.Add(new("version", "Give the blueprint version a label (version)."));
        errors.AddRange(FieldRules.Programme("programme.", fields.Programme));
        return errors;
    });
}

public sealed partial class MunicipalityFieldRules : IContentFieldRules
{
    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex SincePattern();

    public string Type => ProgrammeContentTypes.Municipality;

    public const int MaxSources = 20, MaxSourceLength = 500;

    public IReadOnlyList<ContentFieldError> Check(VersionText text) => FieldRules.Guard(() =>
    {
        var fields = ProgrammeJson.Read<MunicipalityFields>(text.Fields);
        var errors = new List<ContentFieldError>();
        // A source names a report, its date and what it says: a line, not a document (100,000 characters were taken).
        if (fields.Sources.Count > MaxSources)
            errors.Add(new("sources", $"Bronnen: hoogstens {MaxSources}, één per regel (nu {fields.Sources.Count})."));
        var sourceErrors = new List<FieldError>();
        for (var i = 0; i < fields.Sources.Count; i++)
            ProgrammeRules.CheckLength(sourceErrors, "sources", $"Bron {i + 1}", fields.Sources[i], MaxSourceLength, oneLine: true);
        errors.AddRange(sourceErrors.Select(e => new ContentFieldError(e.Field, e.Message)));
        if (!CodePattern().IsMatch(fields.Code ?? ""))
            errors.Add(new("code", "De CBS-code bestaat uit vier cijfers, zoals 0546."));
        if (!AdoptionStatuses.TryParse(fields.Status, out _))
            errors.Add(new("status", $"Kies een status: {string.Join(", ", AdoptionStatuses.All.Select(s => s.Code()))}."));
        if (fields.Since is { Length: > 0 } since && !SincePattern().IsMatch(since))
            errors.Add(new("since", "Schrijf 'sinds' als jaar, jaar-maand of datum: 2016, 2016-01 of 2016-01-01."));
        if (fields.Programme is { } programme)
            errors.AddRange(FieldRules.Programme("programme.", programme));
        if (fields.Inferred.FirstOrDefault(f => f is not (MunicipalityFields.StatusField or MunicipalityFields.BlueprintField)) is { } unknown)
            errors.Add(new("inferred", $"'{Core.Formats.Excerpt.Of(unknown, 40)}' kan niet afgeleid zijn: alleen '{MunicipalityFields.StatusField}' en '{MunicipalityFields.BlueprintField}'."));
        return errors;
    });
}

public sealed class OutcomeFieldRules : IContentFieldRules
{
    public string Type => ProgrammeContentTypes.Outcomes;

    public IReadOnlyList<ContentFieldError> Check(VersionText text) => FieldRules.Guard(() =>
    {
        var fields = ProgrammeJson.Read<OutcomeFields>(text.Fields);
        var errors = new List<ContentFieldError>();
        if (fields.Municipalities.Count == 0) errors.Add(new("municipalities", "Name the municipalities the figures are about."));
        if (string.IsNullOrWhiteSpace(fields.Source)) errors.Add(new("source", "Name the source of the figures."));
        if (string.IsNullOrWhiteSpace(fields.Scope)) errors.Add(new("scope", "Say whose figures these are (scope)."));
        foreach (var cohort in fields.Cohorts)
        {
            var o = cohort.Outflow;
            if (o.Education + o.Work + o.SelfEmployed + o.HouseholdIncome + o.Moving + o.Other != o.Total)
                errors.Add(new($"cohorts.{cohort.Label}", $"{cohort.Label}: the kinds of outflow do not add up to the total ({o.Total})."));
            if (o.Total > cohort.Participants)
                errors.Add(new($"cohorts.{cohort.Label}", $"{cohort.Label}: more outflow than participants."));
        }
        return errors;
    });
}

internal static class FieldRules
{
    public static IReadOnlyList<ContentFieldError> Programme(string prefix, Programme programme) =>
        ProgrammeRules.Check(programme).Select(e => new ContentFieldError(prefix + e.Field, e.Message)).ToList();

    /// <summary>Fields that are not the model at all (text where a number belongs) are one error.</summary>
    public static IReadOnlyList<ContentFieldError> Guard(Func<IReadOnlyList<ContentFieldError>> check)
    {
        try
        {
            return check();
        }
        catch (ProgrammeFormatException e)
        {
            return [new ContentFieldError("fields", e.Message)];
        }
    }
}
