using JasKnowledge.Core.Content;

namespace JasKnowledge.Web.Features.Beheer.Inhoud;

/// <summary>The address of an item that may not exist yet: to ask where it would be shown, or whether a user may make it (a new
/// item, a translation not begun).</summary>
internal sealed record ItemAddress(string Type, string Culture, string LocalizationSet, string Slug) : IContentAddress;
