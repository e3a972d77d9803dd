namespace JasKnowledge.Core.Modules;

/// <summary>A content type whose items are translated into every language (participants read them);
/// the translation status pages list them. Types for one audience in one language (the trainers'
/// handbook, the Dutch-only programmes module) do not register.</summary>
public sealed record TranslatedType(string Type, int Order);
