using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Translations;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// <c>translations export [all] --lang ar --out FILE</c> and <c>translations import --lang ar --in FILE
/// [--resx FOLDER]</c>: the back office's XLIFF work (<see cref="TranslationExchange"/>) for agencies that
/// script it. The portal's command line hands <c>--name value</c> pairs to the host's configuration, so the
/// options are read from there. The import makes drafts and publishes nothing; a bad file is refused whole
/// with its unit and line. With <c>--resx</c> (the theme's Resources folder in a checkout) the file's
/// interface strings are written into that language's resx file, to be reviewed and committed.
/// </summary>
public sealed class TranslationsCommand : IPortalCommand
{
    public string Name => "translations";
    public string Usage => "export [all] --lang LANG --out FILE | import --lang LANG --in FILE [--resx FOLDER]";
    public string Summary =>
        "XLIFF 1.2 of what is missing or outdated in a language (all: everything), or a translated XLIFF file imported as drafts";
    public int MinArguments => 1;
    public int MaxArguments => 2;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var options = context.Services.GetRequiredService<IConfiguration>();
        var cultures = context.Services.GetRequiredService<CultureCatalog>();
        var language = cultures.Find(options["lang"])?.Code;
        if (language is null || language == cultures.Default.Code)
        {
            await context.Error.WriteLineAsync(
                "Name a language to translate into with --lang: "
                + $"{string.Join(", ", cultures.All.Where(c => c != cultures.Default).Select(c => c.Code))}.");
            return 2;
        }
        await using var scope = context.Services.CreateAsyncScope();
        var exchange = scope.ServiceProvider.GetRequiredService<TranslationExchange>();
        switch (args[0])
        {
            case "export" when options["out"] is { Length: > 0 } output && (args.Count == 1 || args[1] == "all"):
                await File.WriteAllTextAsync(output, await exchange.ExportAsync(language, args.Count == 2, context.CancellationToken),
                    context.CancellationToken);
                await context.Output.WriteLineAsync($"Wrote {Path.GetFullPath(output)}.");
                return 0;
            case "import" when options["in"] is { Length: > 0 } input && args.Count == 1:
                if (!File.Exists(input))
                {
                    await context.Error.WriteLineAsync($"There is no file {input}.");
                    return 2;
                }
                var resx = options["resx"];
                if (resx is not null && !File.Exists(Path.Combine(resx, "Ui.resx")))
                {
                    await context.Error.WriteLineAsync(
                        $"--resx {resx}: there is no Ui.resx there; name the theme's Resources folder (themes/JasKnowledge.Theme/Resources).");
                    return 2;
                }
                try
                {
                    var report = await exchange.ImportAsync(
                        language, await File.ReadAllTextAsync(input, context.CancellationToken), "translations-command", context.CancellationToken);
                    foreach (var set in report.Imported) await context.Output.WriteLineAsync($"draft: {set}");
                    foreach (var set in report.Unchanged) await context.Output.WriteLineAsync($"unchanged: {set}");
                    foreach (var skip in report.Skipped)
                        await context.Output.WriteLineAsync($"skipped: {skip.Set}{(skip.Unit is null ? "" : $" unit {skip.Unit}")}: {skip.Reason}");
                    await context.Output.WriteLineAsync(
                        $"{report.Imported.Count} drafts made, {report.Unchanged.Count} items unchanged, {report.Skipped.Count} units skipped; "
                        + "nothing was published.");
                    if (report.Interface.Count == 0) return 0;
                    if (resx is null)
                    {
                        await context.Output.WriteLineAsync(
                            $"{report.Interface.Count} interface strings passed the checks and were not written: add --resx FOLDER to write them.");
                        return 0;
                    }
                    var written = scope.ServiceProvider.GetRequiredService<InterfaceTexts>().WriteResx(resx, language, report.Interface);
                    await context.Output.WriteLineAsync($"{report.Interface.Count} interface strings written to {written}: review and commit them.");
                    return 0;
                }
                catch (XliffFormatException e)
                {
                    await context.Error.WriteLineAsync(
                        $"{input}{(e.Line > 0 ? $":{e.Line}" : "")}{(e.Unit is null ? "" : $" (unit {e.Unit})")}: {e.Message} Nothing was changed.");
                    return 1;
                }
            default:
                await context.Error.WriteLineAsync($"Usage: translations {Usage}");
                return 2;
        }
    }
}
