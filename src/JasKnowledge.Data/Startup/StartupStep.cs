namespace JasKnowledge.Data.Startup;

/// <summary>A one-time start-up task that has finished, e.g. the first import of the content folder.
/// Recorded only at the end of the task, so a node killed half-way leaves it unrecorded and the next
/// start does it again (the import is idempotent).</summary>
public sealed class StartupStep
{
    public const string FirstImport = "first-import";

    public required string Name { get; init; }
    public DateTime CompletedUtc { get; init; }
}
