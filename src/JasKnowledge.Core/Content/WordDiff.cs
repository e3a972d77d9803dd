using DiffPlex;
using DiffPlex.Chunkers;

namespace JasKnowledge.Core.Content;

/// <summary>A word-level comparison of two short texts (one section), for translators: they see exactly
/// which words of the Dutch text went and came. Pieces joined in order give the old text (Same and
/// Removed) and the new one (Same and Added).</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffLine> Of(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, false, false, WordChunker.Instance);
        var pieces = new List<DiffLine>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++) Add(LineChange.Same, result.PiecesOld[a]);
            for (var i = 0; i < block.DeleteCountA; i++) Add(LineChange.Removed, result.PiecesOld[a + i]);
            for (var i = 0; i < block.InsertCountB; i++) Add(LineChange.Added, result.PiecesNew[block.InsertStartB + i]);
            a += block.DeleteCountA;
        }
        for (; a < result.PiecesOld.Count; a++) Add(LineChange.Same, result.PiecesOld[a]);
        return pieces;

        // Neighbouring pieces of one kind become one, so that the page marks phrases, not single words.
        void Add(LineChange change, string text)
        {
            if (pieces.Count > 0 && pieces[^1].Change == change) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            else pieces.Add(new DiffLine(change, text));
        }
    }
}
