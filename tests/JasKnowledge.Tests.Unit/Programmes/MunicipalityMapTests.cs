using System.Text.Json;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Map;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>The SVG outlines made from the shipped CBS/PDOK boundaries: one closed path for every
/// municipality of the CBS list, a drawing of a sensible size, and few enough characters to keep the
/// page light; and the exact path for a hand-made square (y flipped, relative moves).</summary>
public sealed class MunicipalityMapTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "content", "data");

    private static MapOutlines Shipped()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "gemeente_2023_rd.geojson")));
        return MunicipalityMap.FromGeoJson(document.RootElement);
    }

    private static MapOutlines FromJson(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        return MunicipalityMap.FromGeoJson(document.RootElement);
    }

    [Fact]
    public void The_shipped_map_has_one_path_for_each_municipality_of_the_cbs_list_by_its_four_digit_code()
    {
        using var reader = new StreamReader(Path.Combine(Data, "gemeenten-2023.csv"));
        var codes = GemeentenRegister.Parse(reader).Select(g => g.Code).Order(StringComparer.Ordinal).ToList();

        var map = Shipped();

        Assert.Equal(342, map.Paths.Count);
        Assert.Equal(codes, map.Paths.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_shipped_path_starts_with_a_move_and_closes_each_ring()
    {
        Assert.All(Shipped().Paths, pair =>
        {
            Assert.StartsWith("M", pair.Value);
            Assert.Contains("z", pair.Value);
            Assert.EndsWith("z", pair.Value);
            Assert.Equal(pair.Value.Count(c => c == 'M'), pair.Value.Count(c => c == 'z'));
        });
    }

    [Fact]
    public void The_shipped_map_is_a_sensible_size_and_light_enough_for_the_page()
    {
        var map = Shipped();

        Assert.InRange(map.Width, 900, 1400);
        Assert.InRange(map.Height, 900, 1400);
        Assert.InRange(map.Paths.Values.Sum(p => p.Length), 1, 89_999);
    }

    private const string Square = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"statcode":"GM0001"},"geometry":{"type":"Polygon","coordinates":[
            [[100000,400000],[101000,400000],[101000,401000],[100000,401000],[100000,400000]]
          ]}}
        ]}
        """;

    [Fact]
    public void A_square_of_one_kilometre_is_four_units_drawn_from_its_top_left_with_y_pointing_down()
    {
        var map = FromJson(Square);

        var (code, path) = Assert.Single(map.Paths);
        Assert.Equal("0001", code);
        Assert.Equal("M0 4l4 0 0-4-4 0 0 4z", path);
        Assert.Equal(4, map.Width);
        Assert.Equal(4, map.Height);
    }

    [Fact]
    public void A_multipolygon_gives_one_closed_subpath_for_each_polygon()
    {
        const string twoSquares = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"statcode":"GM0002"},"geometry":{"type":"MultiPolygon","coordinates":[
                [[[100000,400000],[101000,400000],[101000,401000],[100000,401000],[100000,400000]]],
                [[[102000,400000],[103000,400000],[103000,401000],[102000,401000],[102000,400000]]]
              ]}}
            ]}
            """;

        var map = FromJson(twoSquares);

        Assert.Equal("M0 4l4 0 0-4-4 0 0 4zM8 4l4 0 0-4-4 0 0 4z", Assert.Single(map.Paths).Value);
        Assert.Equal(12, map.Width);
        Assert.Equal(4, map.Height);
    }

    [Fact]
    public void Points_that_fall_on_the_same_unit_are_written_once()
    {
        const string square = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"statcode":"GM0003"},"geometry":{"type":"Polygon","coordinates":[
                [[0,0],[1000,0],[1000,10],[1000,1000],[0,1000],[0,0]]
              ]}}
            ]}
            """;

        Assert.Equal("M0 4l4 0 0-4-4 0 0 4z", Assert.Single(FromJson(square).Paths).Value);
    }

    [Fact]
    public void A_collection_without_features_is_the_empty_map()
    {
        var map = FromJson("""{"type":"FeatureCollection","features":[]}""");

        Assert.Empty(map.Paths);
        Assert.Equal(0, map.Width);
    }
}
