using System.Text.RegularExpressions;
using DiffPlex;

namespace JasKnowledge.Core.Content;

/// <summary>A piece of text in a word-level comparison: kept, taken out, or put in.</summary>
public sealed record WordRun(LineChange Change, string Text);

/// <summary>
/// Word-level comparison of two texts with DiffPlex, for readers who must see exactly which words of a
/// chapter or sheet changed. Words, runs of white space and single punctuation marks are the pieces,
/// so a changed comma does not mark the whole word; neighbouring pieces with the same change are
/// joined, and every piece of both texts appears exactly once, in reading order.
/// </summary>
public static partial class WordDiff
{
    public static IReadOnlyList<WordRun> Compare(string before, string after)
    {
        before = Normalize(before);
        after = Normalize(after);
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Words.Instance);
        var runs = new List<WordRun>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++) Add(runs, LineChange.Same, result.PiecesOld[a]);
            for (var i = 0; i < block.DeleteCountA; i++, a++) Add(runs, LineChange.Removed, result.PiecesOld[a]);
            for (var i = 0; i < block.InsertCountB; i++, b++) Add(runs, LineChange.Added, result.PiecesNew[b]);
        }
        for (; a < result.PiecesOld.Count; a++) Add(runs, LineChange.Same, result.PiecesOld[a]);
        return runs;
    }

    /// <summary>True when the texts differ in anything a reader sees (line endings and the white space
    /// at both ends do not count).</summary>
    public static bool Differs(string before, string after) => Normalize(before) != Normalize(after);

    private static void Add(List<WordRun> runs, LineChange change, string text)
    {
        if (runs.Count > 0 && runs[^1].Change == change) runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        else runs.Add(new WordRun(change, text));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Trim();

    // Letters and digits of any script (with marks, so Arabic vowel signs and Ethiopic stay in the
    // word), runs of white space, or one other character.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}_]+|\s+|.", RegexOptions.Singleline)]
    private static partial Regex Piece();

    private sealed class Words : IChunker
    {
        public static readonly Words Instance = new();
        public IReadOnlyList<string> Chunk(string text) => Piece().Matches(text).Select(m => m.Value).ToArray();
    }
}
