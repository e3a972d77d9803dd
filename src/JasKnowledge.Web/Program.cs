using JasKnowledge.Programmes;
using JasKnowledge.Web.Features.Alerts;
using JasKnowledge.Web.Features.Api;
using JasKnowledge.Web.Features.Beheer;
using JasKnowledge.Web.Features.Downloads;
using JasKnowledge.Web.Features.Feedback;
using JasKnowledge.Web.Features.GemeenteInfo;
using JasKnowledge.Web.Features.Handbook;
using JasKnowledge.Web.Features.InfoSheets;
using JasKnowledge.Web.Features.Media;
using JasKnowledge.Web.Features.Offline;
using JasKnowledge.Web.Features.Pages;
using JasKnowledge.Web.Features.Participants;
using JasKnowledge.Web.Features.Print;
using JasKnowledge.Web.Features.Search;
using JasKnowledge.Web.Features.SessionPack;
using JasKnowledge.Web.Features.Sitemap;
using JasKnowledge.Web.Features.Translations;
using JasKnowledge.Web.Hosting;
using JasKnowledge.Web.Hosting.Commands;
using JasKnowledge.Web.Hosting.Startup;
using JasKnowledge.Web.Features.WebApp;
using JasKnowledge.Web.Features.Woordenlijst;

// Composition only: the host's defaults, then each feature and module with its own registrations.
var (commandLine, hostArgs) = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddPortalHosting();

builder.Services.AddPagesFeature();
builder.Services.AddHandbookFeature();
builder.Services.AddDownloadsFeature();
builder.Services.AddParticipantsFeature();
builder.Services.AddInfoSheetsFeature();
builder.Services.AddGemeenteInfoFeature();
builder.Services.AddMediaFeature();
builder.Services.AddTranslationsFeature();
builder.Services.AddWoordenlijstFeature();
builder.Services.AddSearchFeature();
builder.Services.AddSitemapFeature();
builder.Services.AddApiFeature();
builder.Services.AddBeheerFeature();
builder.Services.AddAlertsFeature();
builder.Services.AddFeedbackFeature();
builder.Services.AddProgrammesModule();

var app = builder.Build();
var start = await PortalStart.PrepareAsync(app, commandLine);
if (start.ExitCode is { } exitCode) return exitCode;

app.UsePortalHosting();
app.MapApiFeature();
app.MapDownloadsFeature();
app.MapMediaFeature();
app.MapSessionPackFeature();
app.MapSitemapFeature();
app.MapWebAppFeature();
app.MapOfflineFeature();
app.MapPrintFeature();
app.MapSearchFeature();
app.MapProgrammesModule();
app.MapRazorPages().WithStaticAssets();
app.MapParticipantsFeature();
return await start.RunAsync(app);

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
