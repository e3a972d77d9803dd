using JasKnowledge.Core.Localization;
using JasKnowledge.Core.Modules;
using JasKnowledge.Core.Translations;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>
/// <c>translations export --lang ar --out FILE [--all]</c> and <c>translations import --lang ar FILE</c>:
/// the back office's XLIFF work (<see cref="TranslationExchange"/>) for agencies that script it. The import
/// makes drafts and publishes nothing; a bad file is refused whole with its unit and line.
/// </summary>
public sealed class TranslationsCommand : IPortalCommand
{
    public string Name => "translations";
    public string Usage => "export --lang LANG --out FILE [--all] | import --lang LANG FILE";
    public string Summary => "XLIFF 1.2 of what is missing or outdated in a language, or a translated XLIFF file imported as drafts";
    public int MinArguments => 4;
    public int MaxArguments => 6;

    public async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Arguments;
        var language = Option(args, "--lang");
        var cultures = context.Services.GetRequiredService<CultureCatalog>();
        if (language is null || !cultures.Contains(language) || language == cultures.Default.Code)
        {
            await context.Error.WriteLineAsync($"Name a language to translate into with --lang: {string.Join(", ", cultures.All.Where(c => c != cultures.Default).Select(c => c.Code))}.");
            return 2;
        }
        await using var scope = context.Services.CreateAsyncScope();
        var exchange = scope.ServiceProvider.GetRequiredService<TranslationExchange>();
        switch (args[0])
        {
            case "export" when Option(args, "--out") is { } output:
                await File.WriteAllTextAsync(output, await exchange.ExportAsync(language, args.Contains("--all"), context.CancellationToken),
                    context.CancellationToken);
                await context.Output.WriteLineAsync($"Wrote {Path.GetFullPath(output)}.");
                return 0;
            case "import" when args[^1] is var input && !input.StartsWith("--", StringComparison.Ordinal) && input != language:
                if (!File.Exists(input))
                {
                    await context.Error.WriteLineAsync($"There is no file {input}.");
                    return 2;
                }
                try
                {
                    var report = await exchange.ImportAsync(
                        language, await File.ReadAllTextAsync(input, context.CancellationToken), "translations-command", context.CancellationToken);
                    foreach (var set in report.Imported) await context.Output.WriteLineAsync($"draft: {set}");
                    foreach (var skip in report.Skipped)
                        await context.Output.WriteLineAsync($"skipped: {skip.Set}{(skip.Unit is null ? "" : $" unit {skip.Unit}")}: {skip.Reason}");
                    await context.Output.WriteLineAsync($"{report.Imported.Count} drafts made, {report.Skipped.Count} units skipped; nothing was published.");
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

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
            if (args[i] == name) return args[i + 1];
        return null;
    }
}
