namespace JasKnowledge.Core.Content;

/// <summary>What a content item's public address is made of: a content item is one, and so is a search
/// hit's document, which carries these fields without the item (the search builds no item, each with a
/// new random id, only to ask where it is shown).</summary>
public interface IContentAddress
{
    string Type { get; }
    string Culture { get; }
    /// <summary>Links the translations of one item, e.g. "page/home".</summary>
    string LocalizationSet { get; }
    string Slug { get; }
}
