using JasKnowledge.Core.Formats;
using System.Globalization;
using JasKnowledge.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes.Gemeenten;

/// <summary>
/// The 342 municipalities of the CBS list of 1 January 2023: the published open-data file
/// (content/data, asset "gemeentelijke-indeling-2023").
/// </summary>
public sealed class GemeentenRegister(IServiceScopeFactory scopes) : IGemeenteNames
{
    public const string AssetSlug = "gemeentelijke-indeling-2023";
    public const string Source = "CBS, Gemeentelijke indeling op 1 januari 2023 (CC BY 4.0)";

    private readonly PublishedDataFile<GemeentenList> _file = new(scopes, AssetSlug, GemeentenList.Empty,
        (stream, _) => Task.FromResult(new GemeentenList(Parse(new StreamReader(stream)))));

    public Task<GemeentenList> GetAsync(CancellationToken cancellationToken = default) => _file.GetAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Names;

    /// <summary>The upload check (<see cref="Core.Modules.FileCheck"/>): a list the pages can read, each
    /// municipality once with a four-digit code.</summary>
    public static async Task<string?> ProblemAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            var list = new GemeentenList(Parse(new StringReader(text)));
            if (list.All.Count == 0) return "De lijst bevat geen gemeenten.";
            if (list.All.FirstOrDefault(g => g.Code.Length != 4 || !g.Code.All(char.IsAsciiDigit) || g.Name.Length == 0) is { } wrong)
                return $"De gemeente '{wrong.Name}' heeft geen CBS-code van vier cijfers ('{wrong.Code}').";
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException)
        {
            return "De lijst kan niet worden gelezen: een regel heeft minder kolommen dan de kop, of een gemeente staat er twee keer in.";
        }
    }

    /// <summary>Reads the CBS CSV (Gemeentecode, GemeentecodeGM, Gemeentenaam, Provinciecode,
    /// ProvinciecodePV, Provincienaam).</summary>
    public static IReadOnlyList<Gemeente> Parse(TextReader reader)
    {
        using var records = Csv.Read(reader).GetEnumerator();
        if (!records.MoveNext()) return [];
        var header = records.Current.Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var index
            ? index : throw new InvalidDataException(
                $"De lijst heeft geen kolom '{name}'. Sla de lijst van het CBS op als CSV met komma's tussen de kolommen (UTF-8), "
                + "met de kolommen Gemeentecode, Gemeentenaam, ProvinciecodePV en Provincienaam.");
        var (code, name, province, provinceName) = (
            Column("Gemeentecode"), Column("Gemeentenaam"), Column("ProvinciecodePV"), Column("Provincienaam"));
        var gemeenten = new List<Gemeente>();
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.Count == 1 && string.IsNullOrWhiteSpace(row[0])) continue;
            gemeenten.Add(new Gemeente(row[code].Trim(), row[name].Trim(), row[province].Trim(), row[provinceName].Trim()));
        }
        return gemeenten;
    }
}

/// <summary>The municipalities in name order, found by code or URL name.</summary>
public sealed class GemeentenList
{
    /// <summary>Dutch alphabetical order, case ignored: how names and provinces are listed everywhere.</summary>
    public static readonly StringComparer DutchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), CompareOptions.IgnoreCase);
    // After DutchOrder: static fields are initialised in order, and the constructor uses it.
    public static readonly GemeentenList Empty = new([]);

    private readonly Dictionary<string, Gemeente> _byCode;
    private readonly Dictionary<string, Gemeente> _bySlug;

    public GemeentenList(IEnumerable<Gemeente> gemeenten)
    {
        All = gemeenten.OrderBy(g => g.Name, DutchOrder).ToList();
        _byCode = All.ToDictionary(g => g.Code, StringComparer.Ordinal);
        _bySlug = All.ToDictionary(g => g.Slug, StringComparer.Ordinal);
        Provinces = All.Select(g => g.Province).Distinct().Order(DutchOrder).ToList();
        Names = All.ToDictionary(g => g.Code, g => g.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Gemeente> All { get; }
    public IReadOnlyList<string> Provinces { get; }

    /// <summary>Each code's name ("0546" → "Leiden"), for the account pages (<see cref="IGemeenteNames"/>).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>By four-digit code ("0546") or with the CBS prefix ("GM0546").</summary>
    public Gemeente? ByCode(string? code)
    {
        if (code is null) return null;
        if (code.StartsWith("GM", StringComparison.OrdinalIgnoreCase)) code = code[2..];
        return _byCode.GetValueOrDefault(code);
    }

    public Gemeente? BySlug(string? slug) => slug is null ? null : _bySlug.GetValueOrDefault(slug);
}
