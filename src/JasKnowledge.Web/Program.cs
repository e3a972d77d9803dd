using JasKnowledge.Data;
using JasKnowledge.Programmes;
using JasKnowledge.Web.Features.Api;
using JasKnowledge.Web.Features.Beheer;
using JasKnowledge.Web.Features.Caching;
using JasKnowledge.Web.Features.Content;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Errors;
using JasKnowledge.Web.Features.Handbook;
using JasKnowledge.Web.Features.Health;
using JasKnowledge.Web.Features.Localization;
using JasKnowledge.Web.Features.InfoSheets;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Pages;
using JasKnowledge.Web.Features.Participants;
using JasKnowledge.Web.Features.Recipe;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.Security;
using JasKnowledge.Web.Features.SessionPack;
using JasKnowledge.Web.Features.Sitemap;
using JasKnowledge.Web.Features.Translations;
using JasKnowledge.Web.Features.WebApp;
using Microsoft.AspNetCore.HttpLogging;

// Composition only: each feature registers its own services and endpoints.
var (command, hostArgs) = PortalCommand.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
// The theme's CSS comes from a Razor class library: serve it from the build output in every
// environment (tests run as "Testing"); a published app has its assets in wwwroot and ignores this.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddJasData();
builder.Services.AddPortalLocalization();
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
builder.Services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    options.CombineLogs = true;
});
builder.Services.AddContentFeature();
builder.Services.AddPagesFeature();
builder.Services.AddHandbookFeature();
builder.Services.AddDownloadsFeature();
builder.Services.AddParticipantsFeature();
builder.Services.AddInfoSheetsFeature();
builder.Services.AddMediaFeature();
builder.Services.AddTranslationsFeature();
builder.Services.AddSearchFeature();
builder.Services.AddProgrammesModule();
builder.Services.AddBeheerFeature(builder.Environment);
builder.Services.AddSecurityFeature();
builder.Services.AddCachingFeature();
builder.Services.AddSitemapFeature();
builder.Services.AddHealthFeature(builder.Configuration);
builder.Services.AddApiFeature();

var app = builder.Build();
var contentFolder = app.Configuration["Jas:ContentDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "content");

if (!await DatabaseStartup.RunAsync(app.Services, command is null ? contentFolder : null, Console.Error)) return 1;

app.UseHttpLogging();
app.UseSecurityHeaders();
app.UsePortalErrors();
app.UseCaching();
app.UseRouteCulture();
app.MapStaticAssets();
app.UseBeheer();
app.MapRootRedirect();
app.MapHealthFeature();
app.MapSecurityFeature();
app.MapApiFeature();
app.MapDownloadsFeature();
app.MapMediaFeature();
app.MapSessionPackFeature();
app.MapSitemapFeature();
app.MapWebAppFeature();
app.MapSearchFeature();
app.MapProgrammesModule();
app.MapRazorPages().WithStaticAssets();
app.MapParticipantsFeature();

if (command is not null) return await command.RunAsync(app, contentFolder, Console.Out, Console.Error);
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
