namespace JasKnowledge.Core.Modules;

/// <summary>A file family the portal keeps for its own use (the text each handbook edition was made
/// from, which the comparison of editions reads): never listed on the downloads pages, in their API,
/// the editions feed, the sitemap or the search. Its files keep their addresses.</summary>
public sealed record InternalFiles(string Culture, string Slug);
