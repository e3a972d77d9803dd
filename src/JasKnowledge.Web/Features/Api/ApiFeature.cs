using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Data.Content;
using JasKnowledge.Web.Hosting.Routing;

namespace JasKnowledge.Web.Features.Api;

/// <summary>The public JSON API, version 1, described at /openapi/v1.json. Other features add their own
/// endpoints under /api/v1.</summary>
public static class ApiFeature
{
    public static IServiceCollection AddApiFeature(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, context, _) =>
        {
            // The server is the configured public address, not whatever Host the request named.
            document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = context.ApplicationServices.GetRequiredService<Theme.PublicOrigin>()
                .Value }];
            document.Info.Title = "JasKnowledge open data API";
            document.Info.Description = "The material of the 24x24 approach (project JAS) and who uses it. All data is public; no key is needed.";
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapApiFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        var api = endpoints.MapGroup("/api/v1").WithTags("Content");

        api.MapGet("/languages", (CultureCatalog cultures) =>
                cultures.All.Select(c => new LanguageDto(c.Code, c.NativeName, c.Direction)))
            .WithName("ListLanguages")
            .WithSummary("The languages the portal serves, with their own names and writing direction.");

        api.MapGet("/content", ListContentAsync)
            .WithName("ListContent")
            .WithSummary("Published content, optionally of one type and in one language, with the URLs of its translations.")
            .Produces<IEnumerable<ContentDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> ListContentAsync(
        string? type, string? lang, PublishedContent content, ContentUrls urls, CultureCatalog cultures, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(lang))
        {
            if (cultures.Find(lang) is not { } culture)
                return TypedResults.Problem(
                    title: "Unknown language",
                    detail: $"'{Truncate(lang)}' is not a language of this portal. Use one of: {string.Join(", ", cultures.All.Select(c => c.Code))}.",
                    statusCode: StatusCodes.Status400BadRequest);
            // ?lang=NL is Dutch, as /NL is: the items carry the code as the catalogue writes it (NL had answered an empty list).
            lang = culture.Code;
        }
        var rows = await content.ListAsync(type, lang, cancellationToken);
        var translations = await content.TranslationsAsync(rows.Select(r => r.Item.LocalizationSet), cancellationToken);
        var result = rows.Select(r => new ContentDto(
            r.Item.Id, r.Item.Type, r.Item.Culture, r.Version.Title, urls.For(r.Item), r.Version.Number,
            translations[r.Item.LocalizationSet]
                .Where(t => t.Culture != r.Item.Culture)
                .OrderBy(t => t.Culture, StringComparer.Ordinal)
                .Select(t => new TranslationDto(t.Culture, urls.For(t)))
                .ToList()));
        return TypedResults.Ok(result);
    }

    private static string Truncate(string value) => value.Length > 20 ? value[..20] + "…" : value;

    public sealed record LanguageDto(string Code, string NativeName, string Dir);
    public sealed record TranslationDto(string Culture, string? Url);
    public sealed record ContentDto(
        Guid Id, string Type, string Culture, string Title, string? Url, int Version, IReadOnlyList<TranslationDto> Translations);
}
