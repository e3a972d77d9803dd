namespace JasKnowledge.Theme;

/// <summary>An entry of the site's main menu. Features register their own (services.AddSingleton);
/// the label is a key of the Ui resources, the path follows the culture prefix.</summary>
public sealed record MainMenuItem(string LabelKey, string Path, int Order);
