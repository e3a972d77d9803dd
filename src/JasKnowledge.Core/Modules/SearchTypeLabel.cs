namespace JasKnowledge.Core.Modules;

/// <summary>How a search type is named on the search page (a key of the Ui resources) and where it
/// stands among the type filters.</summary>
public sealed record SearchTypeLabel(string Type, string LabelKey, int Order);
