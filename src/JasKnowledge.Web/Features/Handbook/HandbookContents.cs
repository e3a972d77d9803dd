using JasKnowledge.Core.Localization;
using JasKnowledge.Data.Content;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>The handbook as a reader gets it in one language: its introduction and its chapters in
/// order, each in the requested language or the nearest one of the fallback chain.</summary>
public sealed record HandbookContents(PublishedPage? Home, IReadOnlyList<HandbookChapter> Chapters, IReadOnlyList<string> Languages)
{
    /// <summary>The language the chapters are shown in (the first one's, as they share one).</summary>
    public string? TextCulture => Chapters.FirstOrDefault()?.Item.Culture ?? Home?.Item.Culture;

    public HandbookChapter? Find(string slug) => Chapters.FirstOrDefault(c => c.Slug == slug);

    public IEnumerable<HandbookChapter> Sessions => Chapters.Where(c => c.IsSession);

    public (HandbookChapter? Previous, HandbookChapter? Next) Around(HandbookChapter chapter)
    {
        var index = -1;
        for (var i = 0; i < Chapters.Count && index < 0; i++)
            if (Chapters[i] == chapter) index = i;
        return (index > 0 ? Chapters[index - 1] : null, index >= 0 && index + 1 < Chapters.Count ? Chapters[index + 1] : null);
    }

    /// <summary>A digest of the text of every chapter, in order. An edition records the digest of the
    /// text it was made from, so the portal can say whether the web text still matches it.</summary>
    public string SourceDigest() => EditionSource.Digest(Chapters.Select(c => (c.Slug, c.Title, c.Version.Body)));
}
