using JasKnowledge.Core.Content;

namespace JasKnowledge.Web.Features.Translations;

/// <summary>Where each unit of a new text came from in an older one: the older unit's index, and
/// whether its text changed. Unchanged units keep their translation as it is; a changed unit keeps the
/// translation of the unit it replaced, to review; a new unit has none.</summary>
public static class UnitAlignment
{
    public static IReadOnlyList<(int? From, bool Changed)> Map(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var result = new (int? From, bool Changed)[after.Count];
        if (after.Count == 0) return result;
        if (before.Count == 0)
        {
            Array.Fill(result, (null, true));
            return result;
        }
        // A unit per line (line breaks inside a unit encoded), compared as lines.
        var lines = TextDiff.Lines(string.Join('\n', before.Select(Encode)), string.Join('\n', after.Select(Encode)));
        int a = 0, b = 0;
        var removed = new Queue<int>();
        foreach (var line in lines)
        {
            switch (line.Change)
            {
                case LineChange.Same:
                    removed.Clear();
                    result[b++] = (a++, false);
                    break;
                case LineChange.Removed:
                    removed.Enqueue(a++);
                    break;
                default:
                    result[b++] = (removed.Count > 0 ? removed.Dequeue() : null, true);
                    break;
            }
        }
        return result;
    }

    private static string Encode(string unit) => unit.Replace("\n", "\u2028");
}
