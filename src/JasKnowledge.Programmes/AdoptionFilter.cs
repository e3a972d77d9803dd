using JasKnowledge.Programmes.Model;

namespace JasKnowledge.Programmes;

/// <summary>
/// The adoption table's filters and order, from the query string (?provincie=&amp;status=&amp;blauwdruk=&amp;sorteer=).
/// Values the portal does not know are not applied, and the page says so: a typo in a shared link must
/// not look like "no municipalities".
/// </summary>
public sealed record AdoptionFilter(
    string? Province, AdoptionStatus? Status, string? Blueprint, string Sort, bool Descending, IReadOnlyList<string> Problems)
{
    public static readonly IReadOnlyList<string> Sorts = ["naam", "provincie", "status", "sinds", "blauwdruk"];

    public static AdoptionFilter Parse(ProgrammeData data, string? province, string? status, string? blueprint, string? sort, string? direction)
    {
        var problems = new List<string>();
        string? provinceFilter = null;
        if (!string.IsNullOrWhiteSpace(province))
        {
            provinceFilter = data.Gemeenten.Provinces.FirstOrDefault(p => string.Equals(p, province.Trim(), StringComparison.OrdinalIgnoreCase));
            if (provinceFilter is null) problems.Add($"De provincie '{province}' bestaat niet; er is niet op provincie gefilterd.");
        }
        AdoptionStatus? statusFilter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (AdoptionStatuses.TryParse(status.Trim(), out var parsed)) statusFilter = parsed;
            else problems.Add($"De status '{status}' bestaat niet; er is niet op status gefilterd.");
        }
        string? blueprintFilter = null;
        if (!string.IsNullOrWhiteSpace(blueprint))
        {
            blueprintFilter = data.Blueprint(blueprint.Trim())?.Slug;
            if (blueprintFilter is null) problems.Add($"De blauwdruk '{blueprint}' bestaat niet; er is niet op blauwdruk gefilterd.");
        }
        var sortKey = Sorts.FirstOrDefault(s => string.Equals(s, sort?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (sortKey is null && !string.IsNullOrWhiteSpace(sort)) problems.Add($"Sorteren op '{sort}' kan niet; de tabel staat op naam.");
        return new AdoptionFilter(
            provinceFilter, statusFilter, blueprintFilter, sortKey ?? "naam", string.Equals(direction, "af", StringComparison.OrdinalIgnoreCase),
            problems);
    }

    public bool IsActive => Province is not null || Status is not null || Blueprint is not null;

    public IReadOnlyList<MunicipalityView> Apply(IEnumerable<MunicipalityView> municipalities)
    {
        var rows = municipalities
            .Where(m => Province is null || m.Gemeente.Province == Province)
            .Where(m => Status is null || m.Status == Status)
            .Where(m => Blueprint is null || m.Blueprint?.Slug == Blueprint);
        var comparer = Gemeenten.GemeentenList.DutchOrder;
        IOrderedEnumerable<MunicipalityView> ordered = Sort switch
        {
            "provincie" => Order(rows, m => m.Gemeente.Province, comparer),
            "status" => Descending ? rows.OrderByDescending(m => m.Status) : rows.OrderBy(m => m.Status),
            "sinds" => Order(rows, m => m.Record?.Fields.Since ?? (Descending ? "" : "\uffff"), StringComparer.Ordinal),
            "blauwdruk" => Order(rows, m => m.Blueprint?.Title ?? (Descending ? "" : "\uffff"), comparer),
            _ => Order(rows, m => m.Gemeente.Name, comparer),
        };
        return ordered.ThenBy(m => m.Gemeente.Name, comparer).ToList();
    }

    private IOrderedEnumerable<MunicipalityView> Order(
        IEnumerable<MunicipalityView> rows, Func<MunicipalityView, string> key, IComparer<string> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    /// <summary>The query string for this filter with one thing changed (for sort links).</summary>
    public string Query(string? sort = null, bool? descending = null)
    {
        var parts = new List<string>();
        if (Province is not null) parts.Add("provincie=" + Uri.EscapeDataString(Province));
        if (Status is not null) parts.Add("status=" + Status.Value.Code());
        if (Blueprint is not null) parts.Add("blauwdruk=" + Uri.EscapeDataString(Blueprint));
        var sortKey = sort ?? Sort;
        if (sortKey != "naam" || (descending ?? Descending)) parts.Add("sorteer=" + sortKey);
        if (descending ?? Descending) parts.Add("richting=af");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
