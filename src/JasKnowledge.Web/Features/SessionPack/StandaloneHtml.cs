using System.Net;

namespace JasKnowledge.Web.Features.SessionPack;

/// <summary>A self-contained HTML document (styles inline, no links back to the portal) that prints
/// well on A4 and opens offline in any browser: the session and hand-out files of the pack.</summary>
public static class StandaloneHtml
{
    private const string Style = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: system-ui, "Noto Sans", Arial, sans-serif; font-size: 12pt; line-height: 1.5; color: #1a1a1a;
            max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; break-after: avoid; } h3 { font-size: 1.1em; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #8a99a8; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
        .source { color: #4a4a4a; font-size: 0.9em; border-top: 1px solid #8a99a8; margin-top: 2em; padding-top: 0.5em; }
        @media print { body { margin: 0; max-width: none; } }
        """;

    public static string Document(string lang, string direction, string title, string bodyHtml, string sourceNote) =>
        $"""
        <!DOCTYPE html>
        <html lang="{lang}" dir="{direction}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        </head>
        <body>
        <main>
        <h1>{WebUtility.HtmlEncode(title)}</h1>
        {bodyHtml}
        <p class="source">{WebUtility.HtmlEncode(sourceNote)}</p>
        </main>
        </body>
        </html>
        """;
}
