namespace JasKnowledge.Core.Content;

public enum VersionState
{
    /// <summary>Being written; visible only to editors. At most one per item.</summary>
    Draft = 0,
    /// <summary>What the public sees. At most one per item.</summary>
    Published = 1,
    /// <summary>Was published, then replaced by a newer published version. Kept as history.</summary>
    Superseded = 2,
    /// <summary>Was published, then taken offline without a replacement.</summary>
    Withdrawn = 3,
}
