namespace JasKnowledge.Web.Features.Translations;

/// <summary>Whether a translation goes online only after an editor has read it (<c>Jas:TranslationsNeedReview</c>, off by default):
/// a translator then saves drafts, and editors find them on /beheer/vertalingen and publish them (Orchard's content approval; peer
/// review of 7 December 2026). Eight languages' quality otherwise rests on back-translations read by hand.</summary>
public sealed class TranslationReview
{
    public bool TranslationsNeedReview { get; set; }
}
