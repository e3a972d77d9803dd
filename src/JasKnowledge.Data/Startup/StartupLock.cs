namespace JasKnowledge.Data.Startup;

/// <summary>
/// Lets one node at a time migrate the database and import the content while the others wait, so that
/// several nodes can start at once (a <see cref="NodeLock"/>, waited for).
/// </summary>
public static class StartupLock
{
    // Any fixed number: advisory locks are per database, and only the start-up takes this one.
    private const long AdvisoryKey = 0x4A41_5334_5832_34; // "JAS4X24"
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(500);

    /// <param name="waiting">Told once when another node holds the lock, so the log says why the start pauses.</param>
    public static async Task<IAsyncDisposable> AcquireAsync(Storage storage, Action waiting, CancellationToken cancellationToken = default)
    {
        var told = false;
        while (true)
        {
            if (await NodeLock.TryAcquireAsync(storage, AdvisoryKey, ".startup-lock", cancellationToken) is { } held) return held;
            if (!told) waiting();
            told = true;
            await Task.Delay(RetryEvery, cancellationToken);
        }
    }
}
