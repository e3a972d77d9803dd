using JasKnowledge.Core.Content;
using JasKnowledge.Data;
using JasKnowledge.Data.Content;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JasKnowledge.Programmes;

/// <summary>
/// What the public may see of the module: the published blueprints, municipality records and outcome
/// reports, joined with the CBS list. Read once per request; a record that no longer fits the model
/// (for example after a rule was tightened) is left out with a warning instead of breaking the pages.
/// </summary>
public sealed class ProgrammeCatalog(PublishedContent content, JasDbContext db, GemeentenRegister register, ILogger<ProgrammeCatalog> logger)
{
    private ProgrammeData? _data;

    public async Task<ProgrammeData> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_data is not null) return _data;
        var gemeenten = await register.GetAsync(cancellationToken);
        var blueprints = new List<Blueprint>();
        foreach (var (item, version) in await content.ListAsync(ProgrammeContentTypes.Blueprint, ProgrammeContentTypes.Culture, cancellationToken))
        {
            if (Read<BlueprintFields>(item, version) is { } fields && Fits(item, version, fields.Programme))
                blueprints.Add(
                    new Blueprint(
                    item.Slug, version.Title, version.Summary, version.Body, version.Number, version.PublishedUtc ?? version.CreatedUtc, fields));
        }
        var records = new Dictionary<string, MunicipalityRecord>(StringComparer.Ordinal);
        foreach (var (item, version) in await content.ListAsync(ProgrammeContentTypes.Municipality, ProgrammeContentTypes.Culture, cancellationToken))
        {
            if (Read<MunicipalityFields>(item, version) is not { } fields || (fields.Programme is { } own && !Fits(item, version, own))) continue;
            if (gemeenten.ByCode(fields.Code) is null)
            {
                logger.LogWarning("{Item} names municipality {Code}, which is not in the CBS list", item.LocalizationSet, fields.Code);
                continue;
            }
            records[fields.Code] = new MunicipalityRecord(
                item.Id, version.Title, version.Body, version.Number, version.PublishedUtc ?? version.CreatedUtc, version.ChangeNote, fields);
        }
        var reports = new List<OutcomeReport>();
        foreach (var (item, version) in await content.ListAsync(ProgrammeContentTypes.Outcomes, ProgrammeContentTypes.Culture, cancellationToken))
        {
            if (Read<OutcomeFields>(item, version) is { } fields)
                reports.Add(new OutcomeReport(item.Slug, version.Title, version.Body, fields));
        }
        _data = new ProgrammeData(gemeenten, blueprints, records, reports);
        return _data;
    }

    /// <summary>The published versions of a municipality's record, newest first, with their change notes.</summary>
    public async Task<IReadOnlyList<ContentVersion>> HistoryAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == itemId && v.PublishedUtc != null)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);

    private bool Fits(ContentItem item, ContentVersion version, Programme programme)
    {
        var errors = ProgrammeRules.Check(programme);
        if (errors.Count == 0) return true;
        logger.LogWarning("{Item} v{Version} is left out: {Problem}", item.LocalizationSet, version.Number, errors[0].Message);
        return false;
    }

    private T? Read<T>(ContentItem item, ContentVersion version) where T : class, new()
    {
        try
        {
            return ProgrammeJson.Read<T>(version.Fields);
        }
        catch (ProgrammeFormatException e)
        {
            logger.LogWarning("{Item} v{Version} is left out: {Problem}", item.LocalizationSet, version.Number, e.Message);
            return null;
        }
    }
}

/// <summary>The module's published data, joined.</summary>
public sealed class ProgrammeData
{
    private readonly Dictionary<string, MunicipalityRecord> _records;

    public ProgrammeData(
        GemeentenList gemeenten, IReadOnlyList<Blueprint> blueprints, Dictionary<string, MunicipalityRecord> records,
        IReadOnlyList<OutcomeReport> reports)
    {
        Gemeenten = gemeenten;
        Blueprints = blueprints.OrderBy(b => b.Family, StringComparer.Ordinal).ThenBy(b => b.Fields.Order).ToList();
        _records = records;
        Reports = reports;
        Municipalities = gemeenten.All.Select(View).ToList();
    }

    public GemeentenList Gemeenten { get; }
    /// <summary>Blueprint versions by method, oldest version first.</summary>
    public IReadOnlyList<Blueprint> Blueprints { get; }
    public IReadOnlyList<OutcomeReport> Reports { get; }
    /// <summary>Every municipality of the CBS list, in name order, with what is known of it.</summary>
    public IReadOnlyList<MunicipalityView> Municipalities { get; }

    public bool HasFictionalData => _records.Values.Any(r => r.Fields.Fictional) || Reports.Any(r => r.Fields.Fictional);

    public Blueprint? Blueprint(string? slug) => Blueprints.FirstOrDefault(b => b.Slug == slug);

    /// <summary>The version of the same method before this one, to show what changed between them.</summary>
    public Blueprint? PreviousVersion(Blueprint blueprint) =>
        Blueprints.Where(b => b.Family == blueprint.Family && b.Fields.Order < blueprint.Fields.Order).MaxBy(b => b.Fields.Order);

    public MunicipalityView? Municipality(string? codeOrSlug)
    {
        var gemeente = Gemeenten.ByCode(codeOrSlug) ?? Gemeenten.BySlug(codeOrSlug);
        return gemeente is null ? null : Municipalities.First(m => m.Gemeente.Code == gemeente.Code);
    }

    private MunicipalityView View(Gemeente gemeente)
    {
        var record = _records.GetValueOrDefault(gemeente.Code);
        var blueprint = Blueprint(record?.Fields.Blueprint);
        var programme = record?.Fields.Programme ?? blueprint?.Programme;
        var diff = blueprint is not null && record?.Fields.Programme is { } own ? ProgrammeDiff.Compare(blueprint.Programme, own) : [];
        var outcomes = Reports.Where(r => r.Fields.Municipalities.Contains(gemeente.Code)).ToList();
        return new MunicipalityView(gemeente, record, blueprint, programme, diff, outcomes);
    }
}

/// <summary>A municipality with its adoption record, the blueprint it started from, the programme it
/// runs (its own, or the blueprint's when it changed nothing), the differences, and reported outcomes.</summary>
public sealed record MunicipalityView(
    Gemeente Gemeente, MunicipalityRecord? Record, Blueprint? Blueprint, Programme? Programme, IReadOnlyList<ProgrammeChange> Diff,
    IReadOnlyList<OutcomeReport> Outcomes)
{
    public AdoptionStatus Status => Record?.Status ?? AdoptionStatus.GeenInformatie;
    public bool Fictional => Record?.Fields.Fictional == true;
    public bool FollowsBlueprint => Record?.Fields.Programme is null && Blueprint is not null;
}
