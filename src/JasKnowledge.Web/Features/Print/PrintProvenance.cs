namespace JasKnowledge.Web.Features.Print;

/// <summary>What the printed page says about itself: the path of the page in the reader's language, the version of its text and
/// when it was last updated (on paper the date moves into this footer, which keeps a full sheet on two pages).</summary>
public sealed record PrintProvenance(string Path, int Version, DateTime Updated);
