using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;

namespace JasKnowledge.Web.Features.Beheer;

/// <summary>
/// How the back office shows a moment. Its users work in the Netherlands, so a time is Dutch time (CET in
/// winter, CEST in summer), while the database and the <c>datetime</c> attribute keep UTC. Without the
/// time-zone data on the machine, it says UTC rather than show a wrong hour.
/// </summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo? Zone = FindZone();

    /// <summary>What to put after a column heading or a sentence where the zone matters: empty in Dutch time.</summary>
    public static string ZoneNote => Zone is null ? " (UTC)" : "";

    public static string Text(DateTime utc, bool seconds = false)
    {
        var local = Zone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return local.ToString(seconds ? "d-M-yyyy HH:mm:ss" : "d-M-yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A <c>&lt;time&gt;</c> element: Dutch time to read, UTC for machines.</summary>
    public static IHtmlContent Html(DateTime utc, bool seconds = false) => new HtmlString(
        $"<time datetime=\"{utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{WebUtility.HtmlEncode(Text(utc, seconds))}{ZoneNote}</time>");

    private static TimeZoneInfo? FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
