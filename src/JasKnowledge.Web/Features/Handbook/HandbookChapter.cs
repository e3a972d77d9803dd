using System.Globalization;
using System.Text.Json;
using JasKnowledge.Core.Content;

namespace JasKnowledge.Web.Features.Handbook;

/// <summary>A chapter of the Het Gesprek handbook: an introductory chapter or a session. A session's
/// Markdown has fixed level-2 sections, so the trainer's session sheet can be taken from it.</summary>
public sealed record HandbookChapter(ContentItem Item, ContentVersion Version, int Order, int? Session, int? Week, int? Minutes)
{
    public const string Goals = "Doelen";
    public const string Preparation = "Voorbereiding en materialen";
    public const string Plan = "Stappenplan";
    public const string Exercises = "Oefeningen";
    public const string Questions = "Gespreksvragen";
    public const string Handout = "Hand-out voor deelnemers";

    /// <summary>The sections every session has, in this order.</summary>
    public static readonly IReadOnlyList<string> SessionSections = [Goals, Preparation, Plan, Exercises, Questions, Handout];

    /// <summary>What a trainer takes into the room: everything but the background text that opens the
    /// chapter, with the timing right after the goals.</summary>
    public static readonly IReadOnlyList<string> SessionSheetSections = [Goals, Plan, Preparation, Exercises, Questions, Handout];

    public bool IsSession => Session is not null;
    public string Slug => Item.Slug;
    public string Title => Version.Title;

    public static HandbookChapter From(ContentItem item, ContentVersion version)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(version.Fields) ? "{}" : version.Fields);
        var fields = document.RootElement;
        return new HandbookChapter(item, version,
            Number(fields, "order") ?? int.MaxValue,
            Number(fields, "session"), Number(fields, "week"), Number(fields, "minutes"));
    }

    // Front matter values arrive as strings or numbers, depending on how the item was written.
    private static int? Number(JsonElement fields, string name)
    {
        if (fields.ValueKind != JsonValueKind.Object || !fields.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            ? number : null;
    }
}
