namespace JasKnowledge.Programmes.Model;

/// <summary>Where a municipality stands with the method. "No information" is what every municipality
/// without a source says: the portal never guesses.</summary>
public enum AdoptionStatus
{
    GeenInformatie,
    Orienterend,
    Voorbereidend,
    Actief,
    Gestopt,
}

public static class AdoptionStatuses
{
    public static readonly IReadOnlyList<AdoptionStatus> All = Enum.GetValues<AdoptionStatus>();

    /// <summary>The code used in content files, URLs and the API.</summary>
    public static string Code(this AdoptionStatus status) => status switch
    {
        AdoptionStatus.GeenInformatie => "geen-informatie",
        AdoptionStatus.Orienterend => "orienterend",
        AdoptionStatus.Voorbereidend => "voorbereidend",
        AdoptionStatus.Actief => "actief",
        AdoptionStatus.Gestopt => "gestopt",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(this AdoptionStatus status) => status switch
    {
        AdoptionStatus.GeenInformatie => "Geen informatie",
        AdoptionStatus.Orienterend => "Oriënterend",
        AdoptionStatus.Voorbereidend => "Voorbereidend",
        AdoptionStatus.Actief => "Actief",
        AdoptionStatus.Gestopt => "Gestopt",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? code, out AdoptionStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = AdoptionStatus.GeenInformatie;
        return false;
    }
}
