using JasKnowledge.Core.Content;

namespace JasKnowledge.Core.Search;

/// <summary>A content type whose published versions are searchable, registered by the feature that owns
/// it. The title, summary and body are always indexed; <see cref="MoreText"/> adds text kept elsewhere
/// (a video's subtitles).</summary>
public sealed record SearchableType(string Type, Func<ContentVersion, string?>? MoreText = null);
