using JasKnowledge.Core.Formats;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JasKnowledge.Programmes.Api;

/// <summary>The module's open data: municipalities with their adoption (JSON and CSV), one municipality
/// with its programme, diff and outcomes, and the blueprints (list, JSON and CSV per version).</summary>
public static class ProgrammesApi
{
    public static async Task<IReadOnlyList<MunicipalityDto>> ListAsync(ProgrammeCatalog catalog, CancellationToken cancellationToken) =>
        (await catalog.LoadAsync(cancellationToken)).Municipalities.Select(ToDto).ToList();

    public static async Task<IResult> CsvAsync(ProgrammeCatalog catalog, CancellationToken cancellationToken)
    {
        var data = await catalog.LoadAsync(cancellationToken);
        var bytes = Csv.Export(
            ["code", "naam", "provincie", "status", "sinds", "blauwdruk", "blauwdrukversie", "fictief", "bron", "status_afgeleid", "blauwdruk_afgeleid"],
            data.Municipalities.Select(m => new[]
            {
                m.Gemeente.Code, m.Gemeente.Name, m.Gemeente.Province, m.Status.Code(), m.Record?.Fields.Since,
                m.Blueprint?.Slug, m.Blueprint?.Version,
                m.Fictional ? "ja" : "nee",
                m.Fictional ? "verzonnen demodata (demo-data)" : string.Join("; ", m.Record?.Fields.Sources ?? []),
                m.Record?.Fields.StatusInferred == true ? "ja" : "nee",
                m.Record?.Fields.BlueprintInferred == true ? "ja" : "nee",
            }));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "gemeenten-24x24.csv");
    }

    public static async Task<Results<Ok<MunicipalityDetailDto>,
        ProblemHttpResult>> GetAsync(string code, ProgrammeCatalog catalog, CancellationToken cancellationToken)
    {
        var data = await catalog.LoadAsync(cancellationToken);
        if (data.Gemeenten.ByCode(code) is null || data.Municipality(code) is not { } m)
            return TypedResults.Problem(
                title: "Unknown municipality",
                detail: $"There is no municipality with CBS code '{Excerpt.Of(code, 40)}' in the CBS list of 2023. Codes have four digits, e.g. 0546.",
                statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new MunicipalityDetailDto(
            m.Gemeente.Code, m.Gemeente.Name, m.Gemeente.Province,
            new AdoptionDto(
                m.Status.Code(), m.Record?.Fields.Since, m.Blueprint is null ? null : ToRef(m.Blueprint), m.Record?.Fields.Sources ?? [],
                m.Fictional, m.Record?.Fields.Inferred ?? []),
            m.Programme,
            m.FollowsBlueprint,
            m.Diff.Select(c => new ChangeDto(c.Kind.ToString().ToLowerInvariant(), c.Subject, c.Before, c.After)).ToList(),
            m.Outcomes.Select(
                r => new OutcomesDto(
                r.Title, r.Fields.Scope, r.Fields.Source, r.Fields.Fictional, r.Fields.Municipalities, r.Fields.Cohorts, r.Fields.Figures)).ToList(),
            ProgrammeUrls.Municipality(m.Gemeente.Slug)));
    }

    public static async Task<IReadOnlyList<BlueprintFamilyDto>> BlueprintsAsync(ProgrammeCatalog catalog, CancellationToken cancellationToken) =>
        (await catalog.LoadAsync(cancellationToken)).Blueprints
            .GroupBy(b => b.Family)
            .Select(g => new BlueprintFamilyDto(g.Key, g.First().Fields.FamilyTitle, g.Select(ToRef).ToList()))
            .ToList();

    public static async Task<Results<Ok<BlueprintDto>,
        ProblemHttpResult>> BlueprintAsync(string slug, ProgrammeCatalog catalog, CancellationToken cancellationToken)
    {
        var blueprint = (await catalog.LoadAsync(cancellationToken)).Blueprint(slug);
        if (blueprint is null) return UnknownBlueprint(slug);
        return TypedResults.Ok(
            new BlueprintDto(
            blueprint.Slug, blueprint.Family, blueprint.Fields.FamilyTitle, blueprint.Version, blueprint.Title, blueprint.Summary,
            blueprint.Fields.Source, blueprint.ContentVersion, blueprint.PublishedUtc, blueprint.Programme));
    }

    /// <summary>The timeline as a spreadsheet: components as rows, periods as columns.</summary>
    public static async Task<IResult> BlueprintCsvAsync(string slug, ProgrammeCatalog catalog, CancellationToken cancellationToken)
    {
        var blueprint = (await catalog.LoadAsync(cancellationToken)).Blueprint(slug);
        if (blueprint is null) return UnknownBlueprint(slug);
        var programme = blueprint.Programme;
        var header = new List<string> { "onderdeel" };
        for (var p = 1; p <= programme.Periods.Count; p++)
            header.Add($"{programme.PeriodName(p)} ({programme.Periods[p - 1].Weeks} weken, minstens {programme.Periods[p - 1].Hours} uur per week)");
        header.AddRange(["partner", "toelichting"]);
        var bytes = Csv.Export(header, programme.Components.Select(component =>
        {
            var row = new List<string?> { component.Name };
            for (var p = 1; p <= programme.Periods.Count; p++) row.Add(component.Periods.Contains(p) ? "ja" : "");
            row.AddRange([component.Partner, component.Note]);
            return row;
        }));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"blauwdruk-{blueprint.Slug}.csv");
    }

    private static ProblemHttpResult UnknownBlueprint(string slug) =>
        TypedResults.Problem(
            title: "Unknown blueprint", detail: $"There is no blueprint '{Excerpt.Of(slug, 40)}'. GET /api/v1/blueprints lists them.",
            statusCode: StatusCodes.Status404NotFound);

    private static MunicipalityDto ToDto(MunicipalityView m) =>
        new(m.Gemeente.Code, m.Gemeente.Name, m.Gemeente.Province, m.Status.Code(), m.Record?.Fields.Since, m.Blueprint?.Slug, m.Fictional,
            m.Record?.Fields.Inferred ?? []);

    private static BlueprintRefDto ToRef(Blueprint b) =>
        new(b.Slug, b.Version, b.Title, b.PublishedUtc, ProgrammeUrls.Blueprint(b.Slug), ProgrammeUrls.BlueprintJson(b.Slug),
            ProgrammeUrls.BlueprintCsv(b.Slug));

    /// <param name="Inferred">Which of "status" and "blueprint" the portal inferred: no source says it for this municipality itself.</param>
    public sealed record MunicipalityDto(
        string Code, string Name, string Province, string Status, string? Since, string? Blueprint, bool Fictional, IReadOnlyList<string> Inferred);
    /// <param name="Inferred">Which of "status" and "blueprint" the portal inferred: no source says it for this municipality itself.</param>
    public sealed record AdoptionDto(
        string Status, string? Since, BlueprintRefDto? Blueprint, IReadOnlyList<string> Sources, bool Fictional, IReadOnlyList<string> Inferred);
    public sealed record ChangeDto(string Kind, string Subject, string? Before, string? After);
    public sealed record OutcomesDto(
        string Title, string Scope, string Source, bool Fictional, IReadOnlyList<string> Municipalities, IReadOnlyList<Cohort> Cohorts,
        IReadOnlyList<OutcomeFigure> Figures);
    public sealed record MunicipalityDetailDto(
        string Code, string Name, string Province, AdoptionDto Adoption, Programme? Programme, bool ProgrammeFollowsBlueprint,
        IReadOnlyList<ChangeDto> Diff, IReadOnlyList<OutcomesDto> Outcomes, string Url);
    public sealed record BlueprintRefDto(string Slug, string Version, string Title, DateTime PublishedUtc, string Url, string Json, string Csv);
    public sealed record BlueprintFamilyDto(string Family, string Title, IReadOnlyList<BlueprintRefDto> Versions);
    public sealed record BlueprintDto(
        string Slug, string Family, string FamilyTitle, string Version, string Title, string? Summary, string? Source, int ContentVersion,
        DateTime PublishedUtc, Programme Programme);
}
