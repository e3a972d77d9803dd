using System.Text.Json;

namespace JasKnowledge.Core.Formats;

/// <summary>Every string in a JSON document (property names and values), as the text it stands for: an escape such as
/// <c>\u202e</c> read as the character, and an escaped backslash before a "u" read as the two characters it is.</summary>
public static class JsonTexts
{
    public static IEnumerable<string> Of(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            var texts = new List<string>();
            Collect(document.RootElement, texts);
            return texts;
        }
        catch (JsonException)
        {
            // Not JSON (the type's own rules refuse it): its text as it is.
            return [json];
        }
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    texts.Add(element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // An escape of half a surrogate pair (\ud800) is no text: said as the character it would have been.
                    texts.Add("\uD800");
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, texts);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    texts.Add(property.Name);
                    Collect(property.Value, texts);
                }
                break;
        }
    }
}
