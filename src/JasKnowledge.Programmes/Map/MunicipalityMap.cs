using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes.Map;

/// <summary>
/// The outlines of the municipalities as SVG paths, made on the server from the CBS/PDOK boundaries
/// (content/data, asset "gemeentegrenzen-2023", RD coordinates in metres). The page colours them; no
/// map library or tile server is needed, and the map works without JavaScript.
/// </summary>
public sealed class MunicipalityMap(IServiceScopeFactory scopes)
{
    public const string AssetSlug = "gemeentegrenzen-2023";
    public const string Source = "CBS/PDOK, Wijk- en Buurtkaart, bestuurlijke grenzen 2023, vereenvoudigd (CC BY 4.0)";
    /// <summary>Metres per SVG unit: 250 m keeps the outlines recognisable and the page light.</summary>
    private const double MetresPerUnit = 250;

    private readonly PublishedDataFile<MapOutlines> _file = new(scopes, AssetSlug, MapOutlines.Empty, async (stream, cancellationToken) =>
    {
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return FromGeoJson(document.RootElement);
    });

    public Task<MapOutlines> GetAsync(CancellationToken cancellationToken = default) => _file.GetAsync(cancellationToken);

    /// <summary>The upload check (<see cref="Core.Modules.FileCheck"/>): boundaries the map can draw.</summary>
    public static async Task<string?> ProblemAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return FromGeoJson(document.RootElement).Paths.Count == 0 ? "Het bestand bevat geen gemeentegrenzen." : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException
                                      or ArgumentException or FormatException)
        {
            return "Dit is geen GeoJSON met gemeentegrenzen zoals de kaart die leest: een FeatureCollection met per gemeente "
                + "properties.statcode (zoals GM0546) en een Polygon of MultiPolygon in RD-coördinaten.";
        }
    }

    /// <summary>One path per feature (statcode "GM0546" → code "0546"); y is flipped because RD's y
    /// points north and SVG's down.</summary>
    public static MapOutlines FromGeoJson(JsonElement collection)
    {
        var rings = new List<(string Code, List<List<(double X, double Y)>> Rings)>();
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var feature in collection.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("statcode").GetString() ?? "";
            if (code.StartsWith("GM", StringComparison.Ordinal)) code = code[2..];
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var featureRings = new List<List<(double, double)>>();
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    var points = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
                    foreach (var (x, y) in points)
                    {
                        (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                    }
                    featureRings.Add(points);
                }
            }
            rings.Add((code, featureRings));
        }
        if (rings.Count == 0) return MapOutlines.Empty;

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, featureRings) in rings)
        {
            var path = new StringBuilder();
            foreach (var ring in featureRings)
            {
                int? lastX = null, lastY = null;
                var ringStart = path.Length;
                foreach (var (x, y) in ring)
                {
                    var sx = (int)Math.Round((x - minX) / MetresPerUnit);
                    var sy = (int)Math.Round((maxY - y) / MetresPerUnit);
                    if (lastX is null)
                    {
                        path.Append(CultureInfo.InvariantCulture, $"M{sx} {sy}l");
                    }
                    else if (sx != lastX || sy != lastY)
                    {
                        var dx = sx - lastX.Value;
                        var dy = sy - lastY!.Value;
                        if (path[^1] != 'l' && dx >= 0) path.Append(' ');
                        path.Append(CultureInfo.InvariantCulture, $"{dx}");
                        if (dy >= 0) path.Append(' ');
                        path.Append(CultureInfo.InvariantCulture, $"{dy}");
                    }
                    (lastX, lastY) = (sx, sy);
                }
                // A ring that rounds to one point has no segments: leave it out rather than write "l" alone.
                if (path[^1] == 'l') path.Length = ringStart;
                else path.Append('z');
            }
            paths[code] = path.ToString();
        }
        var width = (int)Math.Ceiling((maxX - minX) / MetresPerUnit);
        var height = (int)Math.Ceiling((maxY - minY) / MetresPerUnit);
        return new MapOutlines(paths, width, height);
    }
}

/// <summary>SVG path data by municipality code, and the size of the drawing.</summary>
public sealed record MapOutlines(IReadOnlyDictionary<string, string> Paths, int Width, int Height)
{
    public static readonly MapOutlines Empty = new(new Dictionary<string, string>(), 0, 0);
}
