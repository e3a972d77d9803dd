using System.Collections.Concurrent;
using System.Text;

namespace JasKnowledge.Web.Hosting.Logging;

/// <summary>
/// Writes log lines to standard output (or standard error) from one thread, in batches: a request only
/// queues its line. The console logger of .NET hands each line to its writer under a lock and wakes the writer
/// for it; under load the requests queued up on that lock (a fifth of a search's time at 2,000 searches a
/// second on two cores, README "Thirteenth session"). Here adding a line takes no lock and wakes nobody while
/// the writer is busy; an idle writer is woken by the first line.
/// </summary>
internal sealed class ConsoleLineWriter : IDisposable
{
    /// <summary>How long the writer lets lines gather after a batch: a line appears at most this much later.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentQueue<(string Text, bool ToError)> _lines = new();
    private readonly TextWriter _output, _error;
    private readonly int _capacity;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private int _queued, _dropped, _idle;
    private volatile bool _stopping;

    /// <param name="capacity">Lines held at most; beyond it lines are dropped and counted in a line of their own
    /// (a console that does not keep up never fills the memory nor slows the requests down).</param>
    public ConsoleLineWriter(TextWriter output, TextWriter error, int capacity)
    {
        (_output, _error, _capacity) = (output, error, Math.Max(1, capacity));
        _thread = new Thread(Run) { IsBackground = true, Name = "Console log writer" };
        _thread.Start();
        // A command that ends without disposing the host still gets its last lines out.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Add(string line, bool toError)
    {
        if (Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _lines.Enqueue((line, toError));
        if (Volatile.Read(ref _idle) == 1 && Interlocked.Exchange(ref _idle, 0) == 1) _wake.Set();
    }

    private void Run()
    {
        var batch = new StringBuilder();
        while (true)
        {
            var wrote = WriteQueued(batch);
            if (_stopping && _lines.IsEmpty) return;
            if (wrote)
            {
                Thread.Sleep(Gather);
                continue;
            }
            // Idle: announce it, look once more (a line may have come in between), then sleep until woken.
            Interlocked.Exchange(ref _idle, 1);
            if (!_lines.IsEmpty || _stopping)
            {
                Interlocked.Exchange(ref _idle, 0);
                continue;
            }
            _wake.WaitOne();
        }
    }

    /// <summary>Writes what is queued, consecutive lines to the same stream in one write; false when nothing was.</summary>
    private bool WriteQueued(StringBuilder batch)
    {
        var any = false;
        var toError = false;
        while (_lines.TryDequeue(out var line))
        {
            Interlocked.Decrement(ref _queued);
            if (any && line.ToError != toError) Write(batch, toError);
            any = true;
            toError = line.ToError;
            batch.Append(line.Text);
        }
        if (any) Write(batch, toError);
        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
        {
            batch.Append($"{dropped} log line(s) dropped: standard output did not keep up.{Environment.NewLine}");
            Write(batch, toError: true);
            any = true;
        }
        return any;
    }

    private void Write(StringBuilder batch, bool toError)
    {
        var writer = toError ? _error : _output;
        try
        {
            writer.Write(batch);
            writer.Flush();
        }
        catch (IOException)
        {
            // A closed console (the reading end of a pipe gone) must not stop the portal; the lines are lost.
        }
        batch.Clear();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>Writes every queued line, then stops (waits at most two seconds, as the console logger does).</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(2));
    }
}
