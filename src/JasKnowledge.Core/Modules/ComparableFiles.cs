using JasKnowledge.Core.Assets;

namespace JasKnowledge.Core.Modules;

/// <summary>A file family whose revisions a feature compares on a page of its own (the handbook's
/// editions, chapter by chapter): <paramref name="Url"/> gives that page in a language for an older and
/// a newer revision, or null when those two cannot be compared. The editions feed links each new
/// revision to its comparison with the one before.</summary>
public sealed record ComparableFiles(string Culture, string Slug, Func<string, AssetRevision, AssetRevision, string?> Url);
