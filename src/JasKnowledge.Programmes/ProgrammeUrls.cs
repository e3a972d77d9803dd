namespace JasKnowledge.Programmes;

/// <summary>Where the module's pages and files are.</summary>
public static class ProgrammeUrls
{
    public const string Adoption = "/nl/gemeenten";
    public const string Compare = "/nl/gemeenten/vergelijken";
    public const string Blueprints = "/nl/blauwdrukken";

    public static string Municipality(string slug) => $"{Adoption}/{slug}";
    public static string Blueprint(string slug) => $"{Blueprints}/{slug}";
    public static string BlueprintJson(string slug) => $"/api/v1/blueprints/{slug}";
    public static string BlueprintCsv(string slug) => $"/api/v1/blueprints/{slug}.csv";
    public const string MunicipalitiesCsv = "/api/v1/municipalities.csv";
    public const string MunicipalitiesJson = "/api/v1/municipalities";
}
