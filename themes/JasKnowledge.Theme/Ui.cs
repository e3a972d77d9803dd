namespace JasKnowledge.Theme;

/// <summary>Marker for the interface strings (Resources/Ui.*.resx), shared by every feature so
/// that translators find all of them in one place.</summary>
public sealed class Ui;
