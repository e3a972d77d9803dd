using JasKnowledge.Core.Content;

namespace JasKnowledge.Web.Features.Handbook;

public enum ChapterChange { Changed, Added, Removed, Unchanged }

/// <summary>One chapter in a comparison of two editions, with the words that changed in its text
/// (title and Markdown body) when it changed.</summary>
public sealed record ChapterComparison(string Slug, string Title, ChapterChange Change, EditionSourceChapter? Before, EditionSourceChapter? After,
    IReadOnlyList<WordRun> Words);

/// <summary>
/// Two editions' texts compared chapter by chapter. A chapter is the same chapter in both when its slug
/// is (slugs are its address, kept when the text changes). The chapters come in the newer edition's
/// order; a removed chapter stands where it stood in the older one, after the chapter it followed.
/// </summary>
public static class EditionComparison
{
    public static IReadOnlyList<ChapterComparison> Compare(EditionSource older, EditionSource newer)
    {
        var before = older.Chapters.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var after = newer.Chapters.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var result = new List<ChapterComparison>();
        foreach (var chapter in newer.Chapters)
        {
            if (!before.TryGetValue(chapter.Slug, out var old))
            {
                result.Add(new(chapter.Slug, chapter.Title, ChapterChange.Added, null, chapter, WordDiff.Compare("", Text(chapter))));
                continue;
            }
            var changed = WordDiff.Differs(Text(old), Text(chapter));
            result.Add(new(chapter.Slug, chapter.Title, changed ? ChapterChange.Changed : ChapterChange.Unchanged, old, chapter,
                changed ? WordDiff.Compare(Text(old), Text(chapter)) : []));
        }
        // Removed chapters go in after the chapter that preceded them in the older edition.
        string? previous = null;
        foreach (var old in older.Chapters)
        {
            if (!after.Contains(old.Slug))
            {
                var at = previous is null ? 0 : result.FindIndex(c => c.Slug == previous) + 1;
                result.Insert(at, new(old.Slug, old.Title, ChapterChange.Removed, old, null, WordDiff.Compare(Text(old), "")));
            }
            previous = old.Slug;
        }
        return result;
    }

    /// <summary>What a reader compares: the chapter's title as its heading, then its text.</summary>
    public static string Text(EditionSourceChapter chapter) => $"# {chapter.Title}\n\n{chapter.Body}";
}
