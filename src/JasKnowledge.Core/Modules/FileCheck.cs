namespace JasKnowledge.Core.Modules;

/// <summary>What a new revision of a file family must be for the feature that reads it (the CBS list of
/// municipalities, the map's boundaries). An editor's upload that fails the check is refused with the
/// message it returns, so that a file the portal cannot read never replaces one it can.</summary>
/// <param name="ProblemAsync">Reads the file; null when it is fine, else one sentence for the editor (Dutch).</param>
public sealed record FileCheck(string Slug, Func<Stream, CancellationToken, Task<string?>> ProblemAsync);
