using System.Diagnostics;

namespace JasKnowledge.Web.Hosting.Printing;

/// <summary>Prints a page of the running portal to PDF with headless Chromium, using the page's print
/// stylesheet, so a PDF shows exactly what the web page shows. Used by the commands that make files
/// (handbook editions, sheet PDFs); never on a request. Jas:Chromium names the executable.</summary>
public sealed class ChromiumPdf(IConfiguration configuration)
{
    /// <summary>Headless Chromium prints the page with the print stylesheet (A4, page numbers).</summary>
    public async Task PrintAsync(string url, string pdfPath, CancellationToken cancellationToken)
    {
        var chromium = configuration["Jas:Chromium"] is { Length: > 0 } configured ? configured : "chromium";
        var profile = Directory.CreateTempSubdirectory("jas-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", "--no-pdf-header-footer",
                "--run-all-compositor-stages-before-draw", $"--print-to-pdf={pdfPath}", url,
            }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromium}.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0 || !File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
                throw new InvalidOperationException($"Chromium could not print {url} (exit code {process.ExitCode}): {(await stderr).Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Chromium was not found ('{chromium}'). Install it (apt-get install chromium) or set Jas:Chromium to its path. {e.Message}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
