namespace JasKnowledge.Core.Content;

public enum LineChange { Same, Removed, Added }

/// <summary>One line of a comparison between two texts.</summary>
public sealed record DiffLine(LineChange Change, string Text);

/// <summary>
/// A line-by-line comparison of two versions' text (longest common subsequence), for the history page:
/// readers see which lines went and which came. Texts of a few hundred lines cost well under a
/// millisecond; very long texts fall back to "all removed, all added" rather than a quadratic table.
/// </summary>
public static class TextDiff
{
    private const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        // Lines equal at both ends need no table.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a[..start].Select(l => new DiffLine(LineChange.Same, l)));
        var n = endA - start;
        var m = endB - start;
        if ((long)n * m > MaxCells)
        {
            result.AddRange(a[start..endA].Select(l => new DiffLine(LineChange.Removed, l)));
            result.AddRange(b[start..endB].Select(l => new DiffLine(LineChange.Added, l)));
        }
        else
        {
            // lengths[i, j]: the longest common subsequence of a[start+i..] and b[start+j..].
            var lengths = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lengths[i, j] = a[start + i] == b[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[start + x] == b[start + y])
                {
                    result.Add(new(LineChange.Same, a[start + x]));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    // On a tie the old line goes first, as readers expect: removed, then added.
                    result.Add(new(LineChange.Removed, a[start + x]));
                    x++;
                }
                else
                {
                    result.Add(new(LineChange.Added, b[start + y]));
                    y++;
                }
            }
        }
        result.AddRange(a[endA..].Select(l => new DiffLine(LineChange.Same, l)));
        return result;
    }

    private static string[] Split(string text) => text.Replace("\r\n", "\n").Split('\n');
}
