namespace JasKnowledge.Programmes.Model;

/// <summary>The fields of a municipality's record (content type "gemeente-programma"): its adoption of
/// the method and its own configuration of the programme, versioned like all content.</summary>
public sealed class MunicipalityFields
{
    /// <summary>CBS code, four digits ("0546").</summary>
    public string Code { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>Since when the status holds: "2015-10" or "2016-01-01".</summary>
    public string? Since { get; set; }
    /// <summary>Slug of the blueprint version the municipality started from.</summary>
    public string? Blueprint { get; set; }
    /// <summary>The municipality's own programme; absent when it follows the blueprint unchanged.</summary>
    public Programme? Programme { get; set; }
    /// <summary>Where the facts come from, named on the page.</summary>
    public List<string> Sources { get; set; } = [];
    /// <summary>Made up by the demo-data generator: every page and export says so.</summary>
    public bool Fictional { get; set; }
    /// <summary>Which of <see cref="StatusField"/> and <see cref="BlueprintField"/> the portal inferred because no source says it
    /// for this municipality itself: every table, comparison and export marks them, not only the record's own text.</summary>
    public List<string> Inferred { get; set; } = [];

    public const string StatusField = "status", BlueprintField = "blueprint";

    public bool StatusInferred => Inferred.Contains(StatusField);
    public bool BlueprintInferred => Inferred.Contains(BlueprintField);

    /// <summary>What stays an inference after an edit: a value the municipality's editor kept as it was. One they set is theirs.</summary>
    public static List<string> InferredAfterEdit(MunicipalityFields? before, MunicipalityFields after) =>
        before is null ? []
        : before.Inferred.Where(field => field switch
        {
            StatusField => before.Status == after.Status,
            BlueprintField => before.Blueprint == after.Blueprint,
            _ => false,
        }).ToList();
}

/// <summary>A published municipality record with its content version (for history and change notes).</summary>
public sealed record MunicipalityRecord(
    Guid ItemId, string Title, string Body, int ContentVersion, DateTime PublishedUtc, string? ChangeNote, MunicipalityFields Fields)
{
    public AdoptionStatus Status => AdoptionStatuses.TryParse(Fields.Status, out var status) ? status : AdoptionStatus.GeenInformatie;
}
