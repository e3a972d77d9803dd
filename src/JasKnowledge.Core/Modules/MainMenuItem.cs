namespace JasKnowledge.Core.Modules;

/// <summary>An entry of the site's main menu. The label is a key of the Ui resources, the path follows
/// the culture prefix. An item with a <paramref name="Culture"/> is shown only in that language (a
/// module whose pages are Dutch only).</summary>
public sealed record MainMenuItem(string LabelKey, string Path, int Order, string? Culture = null);
