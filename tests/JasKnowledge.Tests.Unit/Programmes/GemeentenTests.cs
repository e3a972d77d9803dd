using System.Text;
using JasKnowledge.Core.Formats;
using JasKnowledge.Programmes;
using JasKnowledge.Programmes.Gemeenten;

namespace JasKnowledge.Tests.Unit.Programmes;

/// <summary>The CBS list of municipalities read from the shipped CSV: every municipality once, with a
/// unique code and URL name, found by code with or without the GM prefix; and the CSV reading and
/// writing it rests on.</summary>
public sealed class GemeentenTests
{
    private static IReadOnlyList<Gemeente> Shipped()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "content", "data", "gemeenten-2023.csv"));
        return GemeentenRegister.Parse(reader);
    }

    [Fact]
    public void The_shipped_list_has_342_municipalities_in_12_provinces()
    {
        var gemeenten = Shipped();

        Assert.Equal(342, gemeenten.Count);
        Assert.Equal(12, new GemeentenList(gemeenten).Provinces.Count);
    }

    [Fact]
    public void Every_municipality_has_a_unique_four_digit_code_and_a_unique_url_name()
    {
        var gemeenten = Shipped();

        Assert.All(gemeenten, g => Assert.Matches("^[0-9]{4}$", g.Code));
        Assert.All(gemeenten, g => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", g.Slug));
        Assert.Equal(gemeenten.Count, gemeenten.Select(g => g.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(gemeenten.Count, gemeenten.Select(g => g.Slug).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_quoted_name_with_commas_is_one_name()
    {
        var nuenen = Assert.Single(Shipped(), g => g.Name.StartsWith("Nuenen", StringComparison.Ordinal));

        Assert.Equal("Nuenen, Gerwen en Nederwetten", nuenen.Name);
        Assert.Equal("Noord-Brabant", nuenen.Province);
        Assert.Equal("PV30", nuenen.ProvinceCode);
    }

    [Theory]
    [InlineData("Bergen (NH.)", "bergen-nh")]
    [InlineData("'s-Hertogenbosch", "s-hertogenbosch")]
    [InlineData("Súdwest-Fryslân", "sudwest-fryslan")]
    [InlineData("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten")]
    public void A_url_name_is_lower_case_without_accents_or_punctuation(string name, string slug)
    {
        Assert.Equal(slug, Gemeente.SlugOf(name));
    }

    [Fact]
    public void A_municipality_is_found_by_its_code_with_or_without_the_gm_prefix()
    {
        var list = new GemeentenList(Shipped());

        Assert.Equal("Leiden", list.ByCode("0546")?.Name);
        Assert.Equal("Leiden", list.ByCode("GM0546")?.Name);
        Assert.Null(list.ByCode("9999"));
        Assert.Null(list.ByCode(null));
        Assert.Equal("0546", list.BySlug("leiden")?.Code);
    }

    [Fact]
    public void An_export_quotes_only_the_fields_that_need_it_after_a_byte_order_mark()
    {
        var bytes = Csv.Export(["code", "naam", "citaat", "regels", "leeg"], [["0546", "Leiden, stad", "zegt \"hoi\"", "twee\nregels", null]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "code,naam,citaat,regels,leeg\r\n0546,\"Leiden, stad\",\"zegt \"\"hoi\"\"\",\"twee\nregels\",\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void What_csv_writes_it_reads_back_field_for_field()
    {
        string[] header = ["code", "naam", "citaat", "regels", "leeg", "provincie"];
        string[] tricky = ["GM0546", "Leiden, Leiderdorp", "\"Leidse\" inburgering", "regel 1\r\nregel 2", "", "Fryslân"];
        string[] plain = ["0547", "Leiderdorp", "", "", "", "Zuid-Holland"];

        using var reader = new StreamReader(new MemoryStream(Csv.Export(header, [tricky, plain])));
        var records = Csv.Read(reader).ToList();

        Assert.Equal([header, tricky, plain], records);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+31 71 516 5000")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void An_export_cell_that_starts_like_a_formula_is_kept_as_text(string cell)
    {
        using var reader = new StreamReader(new MemoryStream(Csv.Export(["bron"], [[cell], ["gewoon"]])));
        var records = Csv.Read(reader).ToList();

        Assert.Equal("'" + cell, Assert.Single(records[1]));
        Assert.Equal("gewoon", Assert.Single(records[2]));
    }

    [Fact]
    public void A_short_record_reads_as_the_fields_it_has()
    {
        using var reader = new StringReader("Gemeentecode,Gemeentenaam\r\n0546\r\n");

        Assert.Equal([["Gemeentecode", "Gemeentenaam"], ["0546"]], Csv.Read(reader).ToList());
    }
}
