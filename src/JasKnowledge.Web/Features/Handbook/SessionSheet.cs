using JasKnowledge.Core.Markdown;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>A session as the trainer takes it into the room: goals, timing, materials, questions and
/// the hand-out, which starts on its own printed page so it can be copied for the group.</summary>
public sealed record SessionSheet(HandbookChapter Chapter, IReadOnlyList<(string Heading, string Html, bool IsHandout)> Parts)
{
    /// <param name="standalone">True when the sheet is the page (its title is h1); false when several
    /// sheets share a page under their own h2.</param>
    public static SessionSheet For(HandbookChapter chapter, bool standalone)
    {
        var prefix = standalone ? null : chapter.Slug + "-";
        var sections = MarkdownOutline.Sections(chapter.Version.Body)
            .Where(s => s.Heading is not null)
            .ToDictionary(s => s.Heading!.Text, StringComparer.Ordinal);
        var parts = HandbookChapter.SessionSheetSections
            .Select(name => sections.GetValueOrDefault(name))
            .OfType<MarkdownSection>()
            .Select(section => (section.Heading!.Text,
                MarkdownRenderer.ToHtml(section.Markdown, prefix, standalone ? 0 : 1),
                section.Heading.Text == HandbookChapter.Handout))
            .ToList();
        return new SessionSheet(chapter, parts);
    }
}
