using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JasKnowledge.Core.Telemetry;

/// <summary>The portal's own meter "JasKnowledge": what an operator watches beside the framework's
/// request and database metrics. One instance per host (from its IMeterFactory), called where each
/// thing happens.</summary>
public sealed class PortalMetrics
{
    public const string MeterName = "JasKnowledge";

    private readonly Counter<long> _publications;
    private readonly Counter<long> _searches;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _downloads;
    private readonly Counter<long> _bytesServed;
    private readonly Counter<long> _signInFailures;

    public PortalMetrics(IMeterFactory meters, IEnumerable<ISearchIndexLag> indexLag)
    {
        var meter = meters.Create(MeterName);
        _publications = meter.CreateCounter<long>("jas.publications", "{change}",
            "Changes made public by an editor: versions published or withdrawn.");
        _searches = meter.CreateCounter<long>("jas.search.queries", "{query}", "Searches run, from the page and the API.");
        _searchDuration = meter.CreateHistogram<double>("jas.search.duration", "s", "How long a search took, hits and snippets included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _downloads = meter.CreateCounter<long>("jas.downloads", "{download}", "Files sent from the blob store (whole or a byte range).");
        _bytesServed = meter.CreateCounter<long>("jas.downloads.sent", "By", "Bytes of files sent from the blob store.");
        _signInFailures = meter.CreateCounter<long>("jas.signin.failures", "{failure}",
            "Failed sign-ins to the back office: wrong password, wrong code, locked out.");
        var lagSources = indexLag.ToList();
        meter.CreateObservableGauge("jas.search.index.lag", () => IndexLag(lagSources), "s",
            "How far the search index is behind what is published; reported by the search engine when it knows.");
    }

    /// <param name="action">The audit action, e.g. content.publish or content.withdraw.</param>
    public void Published(string action) => _publications.Add(1, new KeyValuePair<string, object?>("jas.action", action));

    /// <summary>Counts one search and records its duration when disposed.</summary>
    public SearchMeasurement MeasureSearch() => new(this, Stopwatch.GetTimestamp());

    /// <param name="bytes">What was sent: the range's length or the whole file's.</param>
    /// <param name="range">Whether a byte range was asked for (a resumed or seeking download).</param>
    public void FileServed(long bytes, bool range)
    {
        _downloads.Add(1, new KeyValuePair<string, object?>("jas.range", range));
        _bytesServed.Add(bytes);
    }

    /// <param name="step">password or second-step.</param>
    public void SignInFailed(string step, bool lockedOut) =>
        _signInFailures.Add(1, new KeyValuePair<string, object?>("jas.step", step), new KeyValuePair<string, object?>("jas.locked_out", lockedOut));

    private static IEnumerable<Measurement<double>> IndexLag(List<ISearchIndexLag> sources)
    {
        foreach (var source in sources)
        {
            if (source.Lag is { } lag) yield return new Measurement<double>(lag.TotalSeconds);
        }
    }

    public readonly struct SearchMeasurement(PortalMetrics metrics, long started) : IDisposable
    {
        public void Dispose()
        {
            metrics._searches.Add(1);
            metrics._searchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
