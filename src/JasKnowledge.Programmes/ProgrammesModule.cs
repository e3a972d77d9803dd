using JasKnowledge.Core.Content;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Data.Search;
using JasKnowledge.Programmes.Api;
using JasKnowledge.Programmes.Gemeenten;
using JasKnowledge.Programmes.Map;
using JasKnowledge.Programmes.Model;
using JasKnowledge.Theme;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JasKnowledge.Programmes;

/// <summary>
/// The programmes module: how each municipality configures its 24x24 programme, compared with the
/// reference blueprints, and the ministry's view of adoption. It registers its content types (with
/// their field rules, URLs and search), its pages under /nl/gemeenten and /nl/blauwdrukken, and its API.
/// </summary>
public static class ProgrammesModule
{
    public static IServiceCollection AddProgrammesModule(this IServiceCollection services)
    {
        services.AddSingleton<GemeentenRegister>();
        services.AddSingleton<JasKnowledge.Data.Accounts.IGemeenteNames>(provider => provider.GetRequiredService<GemeentenRegister>());
        services.AddSingleton<MunicipalityMap>();
        services.AddScoped<ProgrammeCatalog>();
        services.AddScoped<DemoData>();
        services.AddFieldRules<BlueprintFieldRules>();
        services.AddFieldRules<MunicipalityFieldRules>();
        services.AddFieldRules<OutcomeFieldRules>();
        services.AddOwnEditor(ProgrammeContentTypes.Municipality, "/beheer/gemeenten");
        services.AddFileCheck(GemeentenRegister.AssetSlug, GemeentenRegister.ProblemAsync);
        services.AddFileCheck(MunicipalityMap.AssetSlug, MunicipalityMap.ProblemAsync);
        services.AddSitemapSource<ProgrammesSitemap>();
        services.AddCommand<DemoDataCommand>();
        services.AddMenuItem("MenuMunicipalities", "gemeenten", 70, ProgrammeContentTypes.Culture);
        services.AddFollowable(ProgrammeContentTypes.Blueprint);
        services.AddFollowable(ProgrammeContentTypes.Municipality);
        services.AddContentUrl(ProgrammeContentTypes.Blueprint, item => ProgrammeUrls.Blueprint(item.Slug));
        services.AddContentUrl(ProgrammeContentTypes.Municipality, item => ProgrammeUrls.Municipality(item.Slug));
        services.AddSearchable(ProgrammeContentTypes.Blueprint, "SearchTypeBlueprint", 60, SearchText.Blueprint);
        services.AddSearchable(ProgrammeContentTypes.Municipality, "SearchTypeMunicipality", 70, SearchText.Municipality);
        return services;
    }

    public static IEndpointRouteBuilder MapProgrammesModule(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Programmes");
        api.MapGet("/municipalities", ProgrammesApi.ListAsync)
            .WithName("ListMunicipalities")
            .WithSummary(
                "All 342 municipalities of the CBS list of 2023 with their adoption of the 24x24 approach: status, since when, and the blueprint " +
                "version they started from. fictional = true marks generated demo data.");
        api.MapGet("/municipalities.csv", ProgrammesApi.CsvAsync)
            .WithName("ExportMunicipalities")
            .WithSummary("The same list as CSV (UTF-8), with the sources of each record.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        api.MapGet("/municipalities/{code}", ProgrammesApi.GetAsync)
            .WithName("GetMunicipality")
            .WithSummary(
                "One municipality by CBS code (0546 or GM0546): its adoption record, the programme it runs, the differences from its blueprint, " +
                "and reported outcomes with their source and scope.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/blueprints", ProgrammesApi.BlueprintsAsync)
            .WithName("ListBlueprints")
            .WithSummary("The reference programmes (blueprints) of the method, each with its versions.");
        api.MapGet("/blueprints/{slug}.csv", ProgrammesApi.BlueprintCsvAsync)
            .WithName("ExportBlueprint")
            .WithSummary("One blueprint version's timeline as CSV: components as rows, periods as columns.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/blueprints/{slug}", ProgrammesApi.BlueprintAsync)
            .WithName("GetBlueprint")
            .WithSummary("One blueprint version with its full programme: periods, components, contact, tracks, partners.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
