using System.Text.RegularExpressions;

namespace JasKnowledge.Web.Features.Feedback;

/// <summary>
/// "Heb je iets aan deze pagina?" under every sheet, film, handbook chapter and page, as GOV.UK asks it: two buttons in a
/// plain form (no JavaScript, no account, no cookie), then a page that thanks the visitor and offers room for a remark.
/// The answers are counted per page and day and the remarks kept for 90 days (<see cref="Data.Feedback.PageFeedbackLog"/>);
/// editors read both on /beheer/reacties.
/// </summary>
public static partial class FeedbackFeature
{
    public const string Partial = "/Features/Feedback/_PageFeedback.cshtml";

    public static string Url(string culture) => $"/{culture}/reactie";

    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services) =>
        services.AddSingleton<FeedbackLimit>().AddSingleton<FeedbackPages>();

    /// <summary>The path a page's form names: without a final slash and in lower case, as the portal's own links write it
    /// (/nl/over/ asked the same question as /nl/over, and its answer was refused).</summary>
    public static string PathOf(HttpRequest request) =>
        request.Path.Value is { Length: > 1 } path ? path.TrimEnd('/').ToLowerInvariant() : "/";

    /// <summary>Whether a form's page is one of this portal's pages in that language: its language first, then up to four
    /// slugs (/ar/informatie/je-mentor, /nl/handboek/sessie-1-nederland-en-jij). Anything else would only fill the report.</summary>
    public static bool IsPortalPage(string? path, string culture) =>
        path is { Length: <= Data.Feedback.PageFeedbackLog.MaxPathLength } && PortalPath().Match(path) is { Success: true } match
        && match.Groups["culture"].Value == culture;

    // \z, not $: $ also matches before a final line feed, which a form field can carry.
    [GeneratedRegex("^/(?<culture>[a-z]{2,3})(/[a-z0-9][a-z0-9-]{0,119}){0,4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PortalPath();
}
