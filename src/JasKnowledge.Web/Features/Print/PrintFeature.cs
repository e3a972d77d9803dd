using System.Text.RegularExpressions;

namespace JasKnowledge.Web.Features.Print;

/// <summary>What a text carries onto paper (GOV.UK prints the address and the date; Integreat is reached by scanning a poster):
/// its address, its version, and a QR code to the same text in the reader's own language (<c>/talen/{page}</c>). A trainer
/// hands a Dutch sheet to an Arabic and Tigrinya group; each scans it with a cheap phone.</summary>
public static partial class PrintFeature
{
    public const string QrPath = "/qr.svg";
    public const string Partial = "/Features/Print/_PrintProvenance.cshtml";

    public static string QrUrl(string portalPath) => $"{QrPath}?pad={Uri.EscapeDataString(portalPath)}";

    /// <summary>The language chooser for one page: <c>/ar/informatie/je-mentor</c> → <c>/talen/informatie/je-mentor</c>.</summary>
    public static string LanguagesUrl(string portalPath) =>
        portalPath.TrimStart('/').Split('/', 2) is [_, var rest] ? $"{Participants.ParticipantsFeature.EntryUrl}/{rest}" : Participants.ParticipantsFeature.EntryUrl;

    /// <summary>A path of the portal's own pages as its links write them: lower-case segments of letters, digits and hyphens,
    /// at most six. Nothing else is ever put into a code (no other host, no query, no scheme).</summary>
    public static bool IsPortalPath(string? path) => path is { Length: <= 400 } && PortalPath().IsMatch(path);

    [GeneratedRegex("^(/[a-z0-9][a-z0-9-]{0,119}){1,6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PortalPath();

    public static IEndpointRouteBuilder MapPrintFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(QrPath, QrEndpoint.Get).ExcludeFromDescription();
        return endpoints;
    }
}
