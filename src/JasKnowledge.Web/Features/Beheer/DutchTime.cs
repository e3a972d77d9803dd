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

    /// <summary>Said after a time only when it is not Dutch time.</summary>
    private static string ZoneNote => Zone is null ? " (UTC)" : "";

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
