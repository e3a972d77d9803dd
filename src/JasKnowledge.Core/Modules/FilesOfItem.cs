using JasKnowledge.Core.Assets;

namespace JasKnowledge.Core.Modules;

/// <summary>File families that belong to a content item and are offered on its page (a film's renditions and
/// pictures). They stay in the downloads, but in the search the item's own hit stands for them: a search for a
/// film's subject shows the film once, not five of its files beside it.</summary>
public sealed record FilesOfItem(Func<Asset, bool> IsMember);
