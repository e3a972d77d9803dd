using System.Security.Cryptography;
using System.Text;

namespace JasKnowledge.Core.Content;

/// <summary>What an item looked like when an editor opened its form: the open draft's number, text, change
/// note and "major" mark, or the newest version's number when no draft is open. An editing page sends it
/// along and refuses a save whose stamp no longer matches, showing both texts, so that nobody's saved work
/// is replaced without their knowing.</summary>
public static class EditStamp
{
    public static string Of(ContentItem item) => item.Draft is { } draft
        ? $"d{draft.Number}:{ContentDigest.Of(draft)}:{NoteOf(draft)}"
        : $"v{item.Latest?.Number ?? 0}";

    /// <summary>Null before the item's first save: any stamp but empty is then out of date.</summary>
    public static string Of(ContentItem? item, string empty) => item is null ? empty : Of(item);

    private static string NoteOf(ContentVersion draft) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{draft.IsMajor}\n{draft.ChangeNote}")))[..16];
}
